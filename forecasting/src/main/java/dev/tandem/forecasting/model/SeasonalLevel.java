package dev.tandem.forecasting.model;

import dev.tandem.forecasting.ForecastSettings;
import java.util.Arrays;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Seasonality from coarse buckets, level at tick resolution. A {@link HoltWinters} model runs on
 * bucket means (e.g. 10-minute buckets, a daily or weekly season) and supplies seasonal indices
 * s(p), linearly interpolated between bucket centres; a fast EWMA runs on the deseasonalised ticks:
 *
 * <pre>
 * x_t = y_t / s(p_t),   ℓ_t = α_f·x_t + (1−α_f)·ℓ_{t−1},   ŷ_{t+h} = ℓ_t · s(p_{t+h})
 * </pre>
 *
 * So a weekly season costs m = 1008 indices and ≤ 3 seasons of bucket means, not a week of ticks.
 * α_f is refitted by Brent's method on the tick history. Until two seasons of buckets are seen the
 * indices are 1 and the model is an EWMA.
 */
public final class SeasonalLevel extends AbstractModel {

  private final String name;
  private final int ticksPerBucket;
  private final double phaseTicks;
  private final HoltWinters coarse;
  private final double[] buckets;
  private int bucketCount;
  private long ticks;
  private double bucketSum;
  private int bucketN;
  private double alpha = 0.5;
  private double level = Double.NaN;

  public SeasonalLevel(String name, ForecastSettings settings, int seasonBuckets) {
    this.name = name;
    this.ticksPerBucket = settings.ticksPerBucket();
    this.phaseTicks = settings.phaseSeconds() / settings.stepSeconds();
    this.coarse = new HoltWinters(seasonBuckets);
    this.buckets = new double[Math.min(3 * seasonBuckets, 3 * 1008)];
  }

  @Override
  public String name() {
    return name;
  }

  private long bucketOf(long tick) {
    return (long) Math.floor((phaseTicks + tick) / ticksPerBucket);
  }

  /** s at tick {@code tick}, interpolated between the centres of its neighbouring buckets. */
  private double index(long tick) {
    double p = (phaseTicks + tick + 0.5) / ticksPerBucket - 0.5;
    long lo = (long) Math.floor(p);
    double w = p - lo;
    return (1 - w) * coarse.index(lo) + w * coarse.index(lo + 1);
  }

  @Override
  protected void update(double y) {
    advanceBucket(y);
    double s = index(ticks);
    double x = s > 0 ? y / s : y;
    level = Double.isNaN(level) ? x : alpha * x + (1 - alpha) * level;
    ticks++;
  }

  @Override
  protected void skip() {
    advanceBucket(Double.NaN);
    ticks++;
  }

  private void advanceBucket(double y) {
    if (ticks > 0 && bucketOf(ticks) != bucketOf(ticks - 1)) {
      double mean = bucketN == 0 ? Double.NaN : bucketSum / bucketN;
      coarse.update(bucketOf(ticks - 1), mean);
      if (bucketCount == buckets.length) {
        System.arraycopy(buckets, 1, buckets, 0, buckets.length - 1);
        bucketCount--;
      }
      buckets[bucketCount++] = mean;
      bucketSum = 0;
      bucketN = 0;
    }
    if (!Double.isNaN(y)) {
      bucketSum += y;
      bucketN++;
    }
  }

  @Override
  public void forecast(double[] path) {
    for (int h = 1; h <= path.length; h++) {
      path[h - 1] = level * index(ticks - 1 + h);
    }
  }

  @Override
  public void refit(double[] history) {
    if (bucketCount > 0) {
      coarse.refit(Arrays.copyOf(buckets, bucketCount), bucketOf(ticks - 1) - 1);
    }
    if (Fit.finiteCount(history) < 8) {
      return;
    }
    long first = ticks - history.length;
    double[] x = new double[history.length];
    for (int i = 0; i < x.length; i++) {
      double s = index(first + i);
      x[i] = s > 0 ? history[i] / s : history[i];
    }
    alpha =
        new BrentOptimizer(1e-4, 1e-6)
            .optimize(
                new MaxEval(200),
                GoalType.MINIMIZE,
                new SearchInterval(0.01, 1.0),
                new UnivariateObjectiveFunction(a -> Ewma.sse(x, a)))
            .getPoint();
    level = Double.NaN;
    for (double v : x) {
      // a missing tick leaves the level where it was
      if (!Double.isNaN(v)) {
        level = Double.isNaN(level) ? v : alpha * v + (1 - alpha) * level;
      }
    }
  }

  @Override
  public double[] save() {
    double[] hw = coarse.save();
    double[] out = new double[hw.length + 7 + bucketCount];
    System.arraycopy(hw, 0, out, 0, hw.length);
    double[] tail = {alpha, level, ticks, bucketSum, bucketN, bucketCount, 0};
    System.arraycopy(tail, 0, out, hw.length, tail.length);
    System.arraycopy(buckets, 0, out, hw.length + 7, bucketCount);
    return out;
  }

  @Override
  public void restore(double[] s) {
    coarse.restore(s, 0);
    int o = HoltWinters.savedLength(coarse.period());
    alpha = s[o];
    level = s[o + 1];
    ticks = (long) s[o + 2];
    bucketSum = s[o + 3];
    bucketN = (int) s[o + 4];
    bucketCount = (int) s[o + 5];
    System.arraycopy(s, o + 7, buckets, 0, bucketCount);
  }
}

package dev.tandem.forecasting.model;

import java.util.Arrays;

/**
 * Holt–Winters with a damped additive trend and multiplicative seasonality of period m, on coarse
 * buckets (e.g. 10-minute means; m = 144 for a day, 1008 for a week):
 *
 * <pre>
 * ℓ_t = α·y_t/s_{t−m} + (1−α)(ℓ_{t−1} + φ·b_{t−1})
 * b_t = β·(ℓ_t − ℓ_{t−1}) + (1−β)·φ·b_{t−1}
 * s_t = γ·y_t/ℓ_t + (1−γ)·s_{t−m}
 * ŷ_{t+h} = (ℓ_t + (φ+…+φ^h)·b_t)·s_{t+h−m}
 * </pre>
 *
 * Initialised from the first season (ℓ = its mean, s = ratios to it). α, β, γ, φ are fitted with
 * BOBYQA on the one-step squared error once two full seasons of buckets exist; before that the
 * seasonal indices stay 1. Missing buckets (NaN) advance the state on the forecast. Memory: m
 * indices plus the caller's bucket history.
 */
final class HoltWinters {

  private final int m;
  private double alpha = 0.3;
  private double beta = 0.01;
  private double gamma = 0.1;
  private double phi = 0.9;
  private double level = Double.NaN;
  private double trend;
  private final double[] season;
  private long buckets;
  private boolean fitted;

  HoltWinters(int period) {
    this.m = period;
    this.season = new double[period];
    Arrays.fill(season, 1.0);
  }

  int period() {
    return m;
  }

  boolean fitted() {
    return fitted;
  }

  /** Seasonal index of absolute bucket {@code bucket}. */
  double index(long bucket) {
    return season[(int) Math.floorMod(bucket, (long) m)];
  }

  /** Feeds the next completed bucket's mean (absolute index {@code bucket}); NaN = missing. */
  void update(long bucket, double y) {
    int pos = (int) Math.floorMod(bucket, (long) m);
    buckets++;
    if (Double.isNaN(level)) {
      if (!Double.isNaN(y)) {
        level = y / season[pos];
      }
      return;
    }
    double predictedLevel = level + phi * trend;
    if (Double.isNaN(y) || !fitted) {
      double x = Double.isNaN(y) ? predictedLevel * season[pos] : y;
      double previous = level;
      level =
          (fitted ? alpha : 0.5) * x / season[pos] + (1 - (fitted ? alpha : 0.5)) * predictedLevel;
      trend = fitted ? beta * (level - previous) + (1 - beta) * phi * trend : 0;
      return;
    }
    double previous = level;
    level = alpha * y / season[pos] + (1 - alpha) * predictedLevel;
    trend = beta * (level - previous) + (1 - beta) * phi * trend;
    if (level > 0) {
      season[pos] = Math.max(0.05, gamma * y / level + (1 - gamma) * season[pos]);
    }
  }

  /**
   * Refits on {@code history} (bucket means, oldest first, NaN = missing) whose last element is
   * absolute bucket {@code lastBucket}; needs two full seasons with most buckets present.
   */
  void refit(double[] history, long lastBucket) {
    if (history.length < 2 * m || Fit.finiteCount(history) < 1.5 * m) {
      return;
    }
    double[] y = Fit.interpolated(history);
    long firstBucket = lastBucket - history.length + 1;
    double[] p =
        Fit.minimiseInBox(
            x -> run(y, firstBucket, x, null),
            new double[] {alpha, beta, gamma, phi},
            new double[] {0.01, 0.0, 0.0, 0.5},
            new double[] {1.0, 0.3, 0.5, 0.98},
            800);
    alpha = p[0];
    beta = p[1];
    gamma = p[2];
    phi = p[3];
    fitted = true;
    run(y, firstBucket, p, this);
  }

  /**
   * One-step SSE of the parameters over y; with {@code into} != null, leaves the final state in it.
   */
  private double run(double[] y, long firstBucket, double[] p, HoltWinters into) {
    double[] s = new double[m];
    double l = 0;
    for (int i = 0; i < m; i++) {
      l += y[i];
    }
    l /= m;
    for (int i = 0; i < m; i++) {
      s[(int) Math.floorMod(firstBucket + i, (long) m)] = l > 0 ? Math.max(0.05, y[i] / l) : 1;
    }
    double b = 0;
    double sse = 0;
    for (int i = m; i < y.length; i++) {
      int pos = (int) Math.floorMod(firstBucket + i, (long) m);
      double predictedLevel = l + p[3] * b;
      double e = y[i] - predictedLevel * s[pos];
      sse += e * e;
      double previous = l;
      l = p[0] * y[i] / s[pos] + (1 - p[0]) * predictedLevel;
      b = p[1] * (l - previous) + (1 - p[1]) * p[3] * b;
      if (l > 0) {
        s[pos] = Math.max(0.05, p[2] * y[i] / l + (1 - p[2]) * s[pos]);
      }
    }
    if (into != null) {
      into.level = l;
      into.trend = b;
      System.arraycopy(s, 0, into.season, 0, m);
    }
    return sse;
  }

  double[] save() {
    double[] out = Arrays.copyOf(season, m + 8);
    double[] tail = {alpha, beta, gamma, phi, level, trend, buckets, fitted ? 1 : 0};
    System.arraycopy(tail, 0, out, m, 8);
    return out;
  }

  void restore(double[] s, int offset) {
    System.arraycopy(s, offset, season, 0, m);
    alpha = s[offset + m];
    beta = s[offset + m + 1];
    gamma = s[offset + m + 2];
    phi = s[offset + m + 3];
    level = s[offset + m + 4];
    trend = s[offset + m + 5];
    buckets = (long) s[offset + m + 6];
    fitted = s[offset + m + 7] != 0;
  }

  static int savedLength(int period) {
    return period + 8;
  }
}

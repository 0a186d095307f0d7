package dev.tandem.forecasting.model;

import java.util.Arrays;

/**
 * Seasonality at the scale of minutes: a period found in the recent series itself, not a calendar.
 * Load that swings with a period of minutes (a batch job resubmitting, a benchmark's sinusoid,
 * clients polling in step) repeats too fast for the daily and weekly models and is chased by the
 * trend models, which are one lead time late on every rise. This model detects the period and
 * forecasts the coming part of the swing from the previous ones.
 *
 * <p><b>Detection</b> (every {@value #DETECT_EVERY} ticks, on the last ≤ {@code capacity} values,
 * linear trend removed): the sample autocorrelation r(L) for lags up to n / {@value #MIN_CYCLES}
 * (at least that many cycles must have been seen). A lag L is a period when r(L) is a local
 * maximum, it stands out from white noise (r(L) &gt; 3/√n, a one-sided test at about 0.1 %), it is
 * strong (r(L) ≥ {@value #MIN_STRENGTH}), and the autocorrelation dipped by at least {@value
 * #MIN_DIP} below r(L) at a shorter lag — the signature of an oscillation, which a trend or a
 * random walk (slowly decaying r, no dip) does not have. Of the lags that qualify the strongest
 * wins. Without a period the model forecasts the last value, so it never does worse than that
 * baseline in the selector that weighs it.
 *
 * <p><b>Forecast</b> with period L: additive decomposition over the last K ≤ {@value #SEASONS}
 * seasons,
 *
 * <pre>
 *   ŷ_{t+h} = m_t + (1/K) Σ_k ( y_{t+h−kL} − m_{t+h−kL} ),   h ≤ L
 * </pre>
 *
 * with m_s the mean of the L values ending at s (one full cycle: the level, free of the swing).
 * Averaging K seasons divides the sampling noise of a single season by √K.
 */
public final class RecentSeason extends AbstractModel {

  /** Fewest full cycles seen before a period is believed. */
  static final double MIN_CYCLES = 2.0;

  /** Shortest period, ticks: shorter swings are noise at the planner's tick. */
  static final int MIN_PERIOD = 4;

  /** Ticks between detections: the period of a load is stable, the test is O(n²/2.5). */
  static final int DETECT_EVERY = 8;

  /** Smallest autocorrelation at the period: the swing explains at least a good part. */
  static final double MIN_STRENGTH = 0.4;

  /** Required dip of the autocorrelation below r(L) at a shorter lag. */
  static final double MIN_DIP = 0.5;

  /** Seasons averaged in the forecast. */
  static final int SEASONS = 3;

  private final double[] ring;
  private long count;
  private int period;

  /**
   * @param capacity values kept (the longest detectable period is capacity / 2.5)
   */
  public RecentSeason(int capacity) {
    if (capacity < 2 * MIN_PERIOD * 3) {
      throw new IllegalArgumentException("capacity must be >= 24, got " + capacity);
    }
    ring = new double[capacity];
  }

  @Override
  public String name() {
    return "recent-season";
  }

  /** The detected period in ticks, 0 when none. */
  public int period() {
    return period;
  }

  @Override
  protected void update(double y) {
    ring[(int) (count % ring.length)] = y;
    count++;
    if (count % DETECT_EVERY == 0) {
      period = detect(recent((int) Math.min(count, ring.length)));
    }
  }

  /** The last n values, oldest first. */
  private double[] recent(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = at(count - n + i);
    }
    return x;
  }

  private double at(long index) {
    return ring[(int) Math.floorMod(index, (long) ring.length)];
  }

  /** The period of {@code values} (oldest first) by the rules above, 0 when there is none. */
  static int detect(double[] values) {
    int n = values.length;
    int maxLag = (int) Math.floor(n / MIN_CYCLES);
    if (maxLag < MIN_PERIOD + 1) {
      return 0;
    }
    double[] x = detrended(values);
    double c0 = 0;
    for (double v : x) {
      c0 += v * v;
    }
    if (!(c0 > 1e-12)) {
      return 0;
    }
    double[] r = new double[maxLag + 2];
    for (int lag = 1; lag <= maxLag + 1 && lag < n; lag++) {
      double c = 0;
      for (int i = lag; i < n; i++) {
        c += x[i] * x[i - lag];
      }
      r[lag] = c / c0;
    }
    double noise = 3 / Math.sqrt(n);
    int best = 0;
    double lowest = r[1];
    for (int lag = 2; lag <= maxLag; lag++) {
      lowest = Math.min(lowest, r[lag - 1]);
      boolean peak = r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1];
      if (lag >= MIN_PERIOD
          && peak
          && r[lag] > noise
          && r[lag] >= MIN_STRENGTH
          && lowest <= r[lag] - MIN_DIP
          && (best == 0 || r[lag] > r[best])) {
        best = lag;
      }
    }
    return best;
  }

  /** The values minus their least-squares line (a ramp is not a season). */
  private static double[] detrended(double[] y) {
    int n = y.length;
    double mt = (n - 1) / 2.0;
    double my = 0;
    for (double v : y) {
      my += v;
    }
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (i - mt) * (y[i] - my);
      sxx += (i - mt) * (i - mt);
    }
    double slope = sxx > 0 ? sxy / sxx : 0;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = y[i] - my - slope * (i - mt);
    }
    return x;
  }

  @Override
  public void forecast(double[] path) {
    if (count == 0) {
      fill(path, Double.NaN);
      return;
    }
    long t = count - 1;
    int l = period;
    if (l == 0) {
      fill(path, at(t));
      return;
    }
    int seasons = (int) Math.min(SEASONS, Math.min(count, ring.length) / l - 1);
    double level = mean(t, l);
    for (int h = 1; h <= path.length; h++) {
      // beyond one period the swing repeats: step h looks back whole periods until it is known
      int back = (int) Math.ceil(h / (double) l);
      double sum = 0;
      int used = 0;
      for (int k = back; k < back + seasons; k++) {
        long s = t + h - (long) k * l;
        if (s - l + 1 < count - ring.length) {
          break;
        }
        sum += at(s) - mean(s, l);
        used++;
      }
      path[h - 1] = Math.max(0, used == 0 ? level : level + sum / used);
    }
  }

  /** Mean of the {@code l} values ending at index {@code end}. */
  private double mean(long end, int l) {
    double s = 0;
    for (long i = end - l + 1; i <= end; i++) {
      s += at(i);
    }
    return s / l;
  }

  @Override
  public double[] save() {
    double[] s = Arrays.copyOf(ring, ring.length + 2);
    s[ring.length] = count;
    s[ring.length + 1] = period;
    return s;
  }

  @Override
  public void restore(double[] state) {
    System.arraycopy(state, 0, ring, 0, ring.length);
    count = (long) state[ring.length];
    period = (int) state[ring.length + 1];
  }
}

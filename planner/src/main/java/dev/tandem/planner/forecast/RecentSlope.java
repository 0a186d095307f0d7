package dev.tandem.planner.forecast;

import java.util.Map;

/**
 * The least-squares slope of the arrival-rate readings of the last {@link #RANGE_MILLIS} (4
 * minutes: eight readings at 30 s ticks), less {@value #SIGNIFICANCE} standard errors, in
 * requests/s per second: the cold-start trend of {@link ObservedRateForecaster}. Only a rise beyond
 * the readings' own scatter is a trend: readings that jump between 10 and 40 req/s fit a slope of
 * +2.9 req/s per minute by chance, and projected over two minutes it would add 6 req/s to every
 * forecast of a flat but bursty load; on a ramp the readings sit on the line and the bound is the
 * slope itself. Four minutes is long enough that a window's Poisson noise (±0.4 req/s at 10 req/s
 * over 60 s) moves the slope by about 0.1 req/s per minute, and short enough to follow a 10-minute
 * swing (a 2.5-minute range left the sinusoid unchanged and cost the Azure code trace 11 % more
 * GPU-hours, its bursts read as ramps).
 *
 * <p>Readings live in the forecast state's values under {@value #PREFIX} (a ring of {@value
 * #SLOTS}), so a restart keeps them. Only healthy readings are added.
 */
final class RecentSlope {

  static final String PREFIX = "recent.";
  static final long RANGE_MILLIS = 240_000;
  static final int SLOTS = 16;
  static final int MIN_READINGS = 3;
  private static final TimedRing RING = new TimedRing(PREFIX, SLOTS);

  /** Standard errors taken off the slope: a one-sided bound of about 95 %. */
  static final double SIGNIFICANCE = 2;

  private RecentSlope() {}

  /** The ring of readings as kept under {@code keyPrefix} (another forecaster's namespace). */
  static TimedRing ring(String keyPrefix) {
    return new TimedRing(keyPrefix + PREFIX, SLOTS);
  }

  /** Adds a healthy reading taken at {@code atMillis} to {@code values} (in place). */
  static void observe(Map<String, Double> values, long atMillis, double rate) {
    RING.add(values, atMillis, rate);
  }

  /**
   * The slope (req/s per second) of the readings within {@link #RANGE_MILLIS} before {@code
   * nowMillis} (a reading exactly that old is out), less {@link #SIGNIFICANCE} of its standard
   * errors (√(SSE / (n − 2) / Sxx)); NaN with fewer than {@link #MIN_READINGS} of them.
   */
  static double slope(Map<String, Double> values, long nowMillis) {
    double[] fit = fit(RING, values, nowMillis);
    return fit == null ? Double.NaN : fit[0] - SIGNIFICANCE * fit[1];
  }

  /**
   * The slope of the same readings where it is beyond {@link #SIGNIFICANCE} standard errors in
   * either direction, shrunk by them (req/s per second; 0 when it is not, NaN with fewer than
   * {@link #MIN_READINGS} readings): how fast the rate is really moving, up or down.
   */
  static double trend(Map<String, Double> values, long nowMillis) {
    return trend(RING, values, nowMillis);
  }

  /**
   * {@link #trend(Map, long)} of the readings kept in {@code ring}: the same readings stored under
   * a longer prefix ({@link #ring}), read in place.
   */
  static double trend(TimedRing ring, Map<String, Double> values, long nowMillis) {
    double[] fit = fit(ring, values, nowMillis);
    if (fit == null) {
      return Double.NaN;
    }
    return Math.signum(fit[0]) * Math.max(0, Math.abs(fit[0]) - SIGNIFICANCE * fit[1]);
  }

  /** {slope, its standard error} of the readings in range, or null with too few. */
  private static double[] fit(TimedRing ring, Map<String, Double> values, long nowMillis) {
    double[] times = new double[SLOTS];
    double[] rates = new double[SLOTS];
    int k = ring.within(values, nowMillis - RANGE_MILLIS + 1, nowMillis, times, rates);
    if (k < MIN_READINGS) {
      return null;
    }
    double st = 0;
    double sv = 0;
    double stt = 0;
    double stv = 0;
    double svv = 0;
    for (int i = 0; i < k; i++) {
      double x = (times[i] - nowMillis) / 1000.0;
      double v = rates[i];
      st += x;
      sv += v;
      stt += x * x;
      stv += x * v;
      svv += v * v;
    }
    double sxx = stt - st * st / k;
    if (!(sxx > 0)) {
      return null;
    }
    double sxy = stv - st * sv / k;
    double slope = sxy / sxx;
    double sse = Math.max(0, svv - sv * sv / k - slope * sxy);
    double se = k > 2 ? Math.sqrt(sse / (k - 2) / sxx) : 0;
    return new double[] {slope, se};
  }
}

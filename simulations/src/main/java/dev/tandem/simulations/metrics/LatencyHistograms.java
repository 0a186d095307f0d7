package dev.tandem.simulations.metrics;

import org.HdrHistogram.Histogram;

/** Factory and reading helpers for the HdrHistograms of latencies, recorded in µs. */
public final class LatencyHistograms {

  /** Largest latency tracked: one hour, µs. Longer values are recorded as one hour. */
  public static final long MAX_MICROS = 3_600_000_000L;

  private LatencyHistograms() {}

  /** A histogram of µs latencies with {@code digits} significant decimal digits. */
  public static Histogram create(int digits) {
    return new Histogram(1, MAX_MICROS, digits);
  }

  /** Records a latency, clamped to [1, {@link #MAX_MICROS}] µs. */
  public static void record(Histogram h, long micros) {
    h.recordValue(Math.max(1, Math.min(MAX_MICROS, micros)));
  }

  /** The value at {@code percentile} in ms, NaN when empty. */
  public static double percentileMillis(Histogram h, double percentile) {
    if (h.getTotalCount() == 0) {
      return Double.NaN;
    }
    return h.getValueAtPercentile(percentile) / 1000.0;
  }
}

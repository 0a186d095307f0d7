package dev.tandem.simulations.policy;

import dev.tandem.simulations.metrics.LatencyHistograms;
import org.HdrHistogram.Histogram;

/**
 * Latencies observed over an observation window: count, mean and any percentile (from an
 * HdrHistogram of µs with 2 significant digits; Prometheus' fixed buckets would be coarser).
 */
public final class LatencyStats {

  private final long count;
  private final double meanMillis;
  private final Histogram histogram;

  public LatencyStats(long count, double meanMillis, Histogram histogram) {
    this.count = count;
    this.meanMillis = meanMillis;
    this.histogram = histogram;
  }

  public long count() {
    return count;
  }

  /** Mean, ms; NaN when nothing was observed. */
  public double meanMillis() {
    return meanMillis;
  }

  /** The latency at {@code percentile} (e.g. 90), ms; NaN when nothing was observed. */
  public double percentileMillis(double percentile) {
    return LatencyHistograms.percentileMillis(histogram, percentile);
  }
}

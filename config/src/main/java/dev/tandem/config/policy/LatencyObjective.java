package dev.tandem.config.policy;

import java.time.Duration;

/**
 * A latency target at a percentile, e.g. p90 TTFT ≤ 200 ms: in every one-minute window, the given
 * percentile of the requests' latencies must be at most {@code target}.
 *
 * @param percentile the percentile, 0 &lt; percentile &lt; 100 (90 means p90)
 * @param target the latency bound, longer than zero
 */
public record LatencyObjective(double percentile, Duration target) {

  public LatencyObjective {
    Check.present("target", target);
    Check.valid("percentile", Check.openRange(percentile, 0, 100));
    Check.valid("target", Check.positive(target));
  }

  /** The percentile as a quantile in (0, 1), e.g. 0.9 for p90. */
  public double quantile() {
    return percentile / 100;
  }
}

package dev.tandem.metrics;

import dev.tandem.config.policy.MetricSignal;
import dev.tandem.planner.metrics.Signal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One signal of one deployment as read in one tick, with everything a person needs to trust or fix
 * it: the value the planner gets (with health and window), the PromQL it came from, how many series
 * matched the deployment, and why the value is what it is.
 *
 * @param signal which signal (the names of {@code spec.metrics.queries})
 * @param value what the planner receives, in the snapshot's unit (ms for percentiles)
 * @param reason the derivation or the problem, e.g. {@code arrivals = completions 9.8/s + d/dt
 *     in-flight 2.1/s} or {@code HTTP 503 (after 3 attempts)}
 * @param promql the queries the value came from, as sent
 * @param matchedSeries series that matched this deployment in the main query (1 is right)
 * @param bucket for histogram percentiles, the bucket that holds the percentile, same unit
 * @param lowConfidence true when the bucket holding a percentile straddles the policy's target, so
 *     the histogram cannot tell whether the target holds (or the percentile is in the {@code +Inf}
 *     bucket and is only a lower bound)
 */
public record SignalReading(
    MetricSignal signal,
    Signal value,
    String reason,
    List<String> promql,
    int matchedSeries,
    Optional<Bounds> bucket,
    boolean lowConfidence) {

  /** The bucket {@code (lower, upper]} that holds a percentile. */
  public record Bounds(double lower, double upper) {}

  public SignalReading {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
    promql = List.copyOf(promql);
    Objects.requireNonNull(bucket, "bucket");
  }

  SignalReading withValue(Signal v, String why) {
    return new SignalReading(signal, v, why, promql, matchedSeries, bucket, lowConfidence);
  }
}

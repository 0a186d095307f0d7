package dev.tandem.simulations.metrics;

import dev.tandem.config.policy.LatencyObjective;
import dev.tandem.config.policy.SlaObjectives;
import java.time.Duration;

/**
 * The SLA a run is judged against, in the simulator's units: a TTFT and an ITL threshold (µs) each
 * at a percentile. Per request, the thresholds decide attainment; per one-minute window, the
 * window's percentiles must be at or under them.
 */
public record SlaTargets(
    double ttftPercentile, long ttftTargetMicros, double itlPercentile, long itlTargetMicros) {

  public SlaTargets {
    if (!(ttftPercentile > 0 && ttftPercentile < 100)
        || !(itlPercentile > 0 && itlPercentile < 100)) {
      throw new IllegalArgumentException(
          "percentiles must be in (0, 100), got " + ttftPercentile + " and " + itlPercentile);
    }
    if (ttftTargetMicros <= 0 || itlTargetMicros <= 0) {
      throw new IllegalArgumentException(
          "targets must be > 0 µs, got " + ttftTargetMicros + " and " + itlTargetMicros);
    }
  }

  /** From a policy's {@code spec.sla}. */
  public static SlaTargets of(SlaObjectives sla) {
    return new SlaTargets(
        sla.ttft().percentile(),
        micros(sla.ttft().target()),
        sla.itl().percentile(),
        micros(sla.itl().target()));
  }

  /** E.g. {@code p90(90, 200, 90, 10)}: p90 TTFT ≤ 200 ms and p90 ITL ≤ 10 ms. */
  public static SlaTargets millis(
      double ttftPercentile, double ttftMillis, double itlPercentile, double itlMillis) {
    return new SlaTargets(
        ttftPercentile, Math.round(ttftMillis * 1000), itlPercentile, Math.round(itlMillis * 1000));
  }

  public SlaObjectives toObjectives() {
    return new SlaObjectives(
        new LatencyObjective(ttftPercentile, Duration.ofNanos(ttftTargetMicros * 1000)),
        new LatencyObjective(itlPercentile, Duration.ofNanos(itlTargetMicros * 1000)));
  }

  public double ttftTargetMillis() {
    return ttftTargetMicros / 1000.0;
  }

  public double itlTargetMillis() {
    return itlTargetMicros / 1000.0;
  }

  private static long micros(Duration d) {
    return d.toNanos() / 1000;
  }
}

package dev.tandem.planner;

import dev.tandem.config.policy.Mode;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Duration;
import java.time.Instant;

/** Planner inputs for tests: a load taken as the forecast, steady replicas. */
final class Inputs {

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private Inputs() {}

  static PlannerInput of(
      Deployment d, double rate, double isl, double osl, int prefill, int decode, boolean healthy) {
    MetricsSnapshot.Builder b =
        MetricsSnapshot.builder(d.key(), T0)
            .inputTokens(isl, isl * isl)
            .outputTokens(osl, osl * osl)
            .arrivalCv2(1);
    b.arrivalRate(
        healthy
            ? Signal.ok(rate, Duration.ofMinutes(1))
            : Signal.stale(rate, Duration.ofMinutes(1)));
    LoadForecast f =
        new LoadForecast(
            rate,
            rate,
            isl,
            isl * isl,
            osl,
            osl * osl,
            Duration.ofMinutes(3),
            0.9,
            healthy,
            "test");
    return PlannerInput.of(d, b.build(), ReplicaStates.steady(prefill, decode), f, f);
  }

  /**
   * A snapshot at {@code at} of {@code rate} req/s with fixed 3,000-token prompts and 300-token
   * outputs and Poisson arrivals; the caller adds what its test observes.
   */
  static MetricsSnapshot.Builder fixedLengths(Deployment d, Instant at, double rate) {
    return MetricsSnapshot.builder(d.key(), at)
        .arrivalRate(rate)
        .inputTokens(3000, 9e6)
        .outputTokens(300, 9e4)
        .arrivalCv2(1);
  }

  /** The same policy in another mode. */
  static SlaPolicy withMode(SlaPolicy p, Mode mode) {
    return new SlaPolicy(
        p.name(),
        p.namespace(),
        mode,
        p.sla(),
        p.roles(),
        p.budget(),
        p.behavior(),
        p.forecast(),
        p.metrics(),
        p.origin(),
        p.nameLocation());
  }
}

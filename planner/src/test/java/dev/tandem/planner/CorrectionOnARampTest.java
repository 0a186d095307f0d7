package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.RoleHistory;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A window read while the rate moves is predicted at its busier end: its p90 latency comes from the
 * requests there, not from the mean rate the window reports. On the sinusoid's ramps the mean read
 * 35.3 req/s while the p90 TTFT came from about 42, and predicting it at the mean taught k = 1.26
 * for engines at k ≈ 1.0.
 */
class CorrectionOnARampTest {

  private final Deployment d = Examples.groveDeployment();

  private static final ScalingHistory LEARNED =
      ScalingHistory.empty().with(Role.PREFILL, RoleHistory.empty().withCorrection(1.0, 20, 0.01));

  private PlannerInput input(double trend, double ttftMillis) {
    MetricsSnapshot m =
        Inputs.fixedLengths(d, Inputs.T0, 30)
            .ttftPercentileMillis(ttftMillis)
            .itlPercentileMillis(6)
            .build();
    LoadForecast f =
        LoadForecast.given(30, 3000, 0, 300, 0, Duration.ofMinutes(3), 0.9).withRateTrend(trend);
    return PlannerInput.of(d, m, ReplicaStates.steady(4, 4), f, f);
  }

  @Test
  void thePercentileOfAMovingWindowBelongsToItsBusierEnd() {
    // 0.2 req/s per second over a 60 s window: the p90 sits 0.4 of the window past its middle
    assertThat(CorrectionStep.busierEndRate(input(0.2, 150), Role.PREFILL))
        .isCloseTo(30 + 0.2 * 60 * 0.4, within(1e-9));
    // a falling rate is busiest at the window's start, as far from its middle
    assertThat(CorrectionStep.busierEndRate(input(-0.2, 150), Role.PREFILL))
        .isCloseTo(34.8, within(1e-9));
    // no trend beyond the readings' scatter, or none known: the window's mean
    assertThat(CorrectionStep.busierEndRate(input(0, 150), Role.PREFILL)).isEqualTo(30);
    assertThat(CorrectionStep.busierEndRate(input(Double.NaN, 150), Role.PREFILL)).isEqualTo(30);
  }

  @Test
  void aSlowWindowOnARampTeachesLessSlowEngines() {
    Planner planner = new Planner();
    ScalingPlan steady = planner.plan(input(Double.NaN, 150), LEARNED, Inputs.T0);
    ScalingPlan ramp = planner.plan(input(0.2, 150), LEARNED, Inputs.T0);

    // the same 150 ms read at the mean rate is slower engines; at the busier end less so
    assertThat(steady.prefill().correction()).isGreaterThan(1.0);
    assertThat(ramp.prefill().correction()).isLessThan(steady.prefill().correction());
    assertThat(ramp.prefill().correctionWhy().message())
        .contains("at 34.8 req/s (the window's busier end: its mean 30 req/s is moving)");
  }
}

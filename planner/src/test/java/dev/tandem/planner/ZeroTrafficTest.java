package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Zero traffic as a real source reports it: the rate is a healthy 0, the length means are 0/0 and
 * therefore MISSING. It must still count as healthy load (and size the roles to their minimum); a
 * missing rate must not.
 */
class ZeroTrafficTest {

  private final Deployment d = Examples.groveDeployment();

  @Test
  void aHealthyZeroRateWithoutLengthsIsHealthyLoad() {
    MetricsSnapshot zero = MetricsSnapshot.builder(d.key(), Inputs.T0).arrivalRate(0).build();
    assertThat(zero.loadIsHealthy()).isTrue();
    assertThat(zero.unhealthyLoadSignals()).isEmpty();

    MetricsSnapshot someWithoutLengths =
        MetricsSnapshot.builder(d.key(), Inputs.T0).arrivalRate(3).build();
    assertThat(someWithoutLengths.loadIsHealthy()).isFalse();
    assertThat(someWithoutLengths.unhealthyLoadSignals())
        .containsExactly("inputTokensMean MISSING", "outputTokensMean MISSING");

    MetricsSnapshot missing =
        MetricsSnapshot.builder(d.key(), Inputs.T0)
            .arrivalRate(Signal.missing(Duration.ofMinutes(1)))
            .build();
    assertThat(missing.loadIsHealthy()).isFalse();
  }

  @Test
  void zeroTrafficWithoutLengthsSizesBothRolesToTheirMinimum() {
    MetricsSnapshot zero = MetricsSnapshot.builder(d.key(), Inputs.T0).arrivalRate(0).build();
    LoadForecast none =
        new LoadForecast(0, 0, 0, 0, 0, 0, Duration.ofMinutes(3), 0.9, true, "no traffic");
    ScalingPlan plan =
        new Planner()
            .plan(
                PlannerInput.of(d, zero, ReplicaStates.steady(3, 3), none, none),
                ScalingHistory.empty(),
                Inputs.T0);
    assertThat(plan.prefill().target()).isEqualTo(1);
    assertThat(plan.prefill().targetWhy().reason()).isEqualTo(Reason.NO_TRAFFIC);
    assertThat(plan.decode().target()).isEqualTo(1);
    assertThat(plan.decode().targetWhy().reason()).isEqualTo(Reason.NO_TRAFFIC);
  }
}

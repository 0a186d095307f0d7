package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Prefill is sized for the burstiness of the last minutes (the forecast's median), not for one
 * window's reading: a window holding one clump reads an arrival SCV of 100 where the traffic's is
 * about 1.
 */
class TypicalBurstinessTest {

  private final Deployment d = Examples.groveDeployment();

  private ScalingPlan plan(double windowScv, double typicalScv) {
    MetricsSnapshot m = Inputs.fixedLengths(d, Inputs.T0, 30).arrivalCv2(windowScv).build();
    LoadForecast f =
        LoadForecast.given(30, 3000, 0, 300, 0, Duration.ofMinutes(3), 0.9)
            .withArrivalScv(typicalScv);
    return new Planner()
        .plan(
            PlannerInput.of(d, m, ReplicaStates.steady(2, 2), f, f),
            ScalingHistory.empty(),
            Inputs.T0);
  }

  @Test
  void oneClumpyWindowDoesNotSizeThePool() {
    ScalingPlan clump = plan(100, Double.NaN);
    ScalingPlan typical = plan(100, 1.0);
    ScalingPlan poisson = plan(1.0, Double.NaN);

    assertThat(typical.prefill().target()).isEqualTo(poisson.prefill().target());
    assertThat(clump.prefill().target()).isGreaterThan(typical.prefill().target());
    assertThat(typical.prefill().targetWhy().message()).contains("c_a² 1.00 (median of 10 min)");
    assertThat(clump.prefill().targetWhy().message()).contains("c_a² 100.00,");
  }
}

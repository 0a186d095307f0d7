package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A histogram percentile is an interval, not a point. The case is the one the end-to-end test met
 * on a real Prometheus: vLLM's ITL histogram starts with the bucket (0, 10 ms], so a p90 ITL of
 * about 5 ms reads 9.0 ms; learning k from 9.0 drove decode's correction to 1.9 and decode to its
 * maximum at 1 req/s.
 */
class BucketedObservationTest {

  private final Deployment d = Examples.groveDeployment();

  private ScalingPlan plan(Signal itl) {
    MetricsSnapshot m =
        Inputs.fixedLengths(d, Inputs.T0, 10)
            .ttftPercentileMillis(100)
            .itlPercentileMillis(itl)
            .build();
    LoadForecast f = LoadForecast.given(10, 3000, 0, 300, 0, Duration.ofMinutes(3), 0.9);
    return new Planner()
        .plan(
            PlannerInput.of(d, m, ReplicaStates.steady(2, 2), f, f),
            ScalingHistory.empty(),
            Inputs.T0);
  }

  @Test
  void aBucketThatHoldsThePredictionTeachesNothing() {
    ScalingPlan p = plan(Signal.of(9.0, Duration.ofMinutes(1)).within(0, 10));

    assertThat(p.decode().correction()).isEqualTo(1.0);
    assertThat(p.decode().correctionWhy().message())
        .contains("observed ITL is known only to lie in [0.0 ms, 10.0 ms]")
        .contains("is inside it");
  }

  @Test
  void theSamePointMeasuredExactlyIsLearnedFrom() {
    ScalingPlan p = plan(Signal.of(9.0, Duration.ofMinutes(1)));

    assertThat(p.decode().correction()).isGreaterThan(1.2);
  }

  @Test
  void aBucketAboveThePredictionIsLearnedFromItsNearerEdge() {
    ScalingPlan bucket = plan(Signal.of(14.0, Duration.ofMinutes(1)).within(12, 16));
    ScalingPlan edge = plan(Signal.of(12.0, Duration.ofMinutes(1)));

    assertThat(bucket.decode().correction()).isGreaterThan(1.0);
    assertThat(bucket.decode().correction()).isCloseTo(edge.decode().correction(), within(1e-9));
    assertThat(bucket.decode().correctionWhy().message())
        .contains("observed ITL in [12.0 ms, 16.0 ms]");
  }
}

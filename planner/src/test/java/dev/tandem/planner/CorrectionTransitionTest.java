package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaState;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The correction learns only from windows of a settled role. The case is the one the simulator
 * showed on a sinusoid: 40 req/s, 3000/300, 5 prefill and 3 decode engines ready while more are
 * starting; the observed TTFT (553 ms) and ITL (18 ms) measure the backlog of the shortage.
 */
class CorrectionTransitionTest {

  private final Deployment d = Examples.groveDeployment();

  private ScalingPlan plan(ReplicaStates replicas) {
    return plan(replicas, ScalingHistory.empty(), Inputs.T0);
  }

  private ScalingPlan plan(ReplicaStates replicas, ScalingHistory history, Instant at) {
    MetricsSnapshot m =
        Inputs.fixedLengths(d, at, 40).ttftPercentileMillis(553).itlPercentileMillis(18).build();
    LoadForecast f = LoadForecast.given(40, 3000, 0, 300, 0, Duration.ofMinutes(3), 0.9);
    return new Planner().plan(PlannerInput.of(d, m, replicas, f, f), history, at);
  }

  @Test
  void startingEnginesKeepTheCorrection() {
    ScalingPlan p =
        plan(
            new ReplicaStates(
                new ReplicaState(8, 5, 3, 0, 0),
                new ReplicaState(5, 3, 2, 0, 0),
                Optional.empty()));
    assertThat(p.prefill().correction()).isEqualTo(1.0);
    assertThat(p.prefill().correctionWhy().message())
        .contains("capacity in transition: 3 starting, 0 draining");
    assertThat(p.decode().correction()).isEqualTo(1.0);
  }

  @Test
  void drainingEnginesKeepTheCorrection() {
    ScalingPlan p =
        plan(
            new ReplicaStates(
                new ReplicaState(6, 6, 0, 1, 0),
                new ReplicaState(4, 4, 0, 2, 0),
                Optional.empty()));
    assertThat(p.prefill().correction()).isEqualTo(1.0);
    assertThat(p.decode().correctionWhy().message())
        .contains("capacity in transition: 0 starting, 2 draining");
  }

  @Test
  void aSettledRoleLearnsFromTheSameWindow() {
    // 6 prefill engines at 40 req/s predict well under 553 ms: k rises (bounded step ×√2)
    ScalingPlan p = plan(ReplicaStates.steady(6, 4));
    assertThat(p.prefill().correction()).isGreaterThan(1.3);
    assertThat(p.decode().correction()).isGreaterThan(1.0);
  }

  /**
   * The window after starting engines became ready still holds the backlog of the shortage, served
   * partly by fewer engines than the ready ones the prediction uses: it teaches nothing until a
   * whole window (1 min) has passed on the settled capacity.
   */
  @Test
  void aWindowThatBeganBeforeTheEnginesBecameReadyKeepsTheCorrection() {
    ReplicaStates starting =
        new ReplicaStates(
            new ReplicaState(8, 5, 3, 0, 0), new ReplicaState(5, 3, 2, 0, 0), Optional.empty());
    ReplicaStates ready = ReplicaStates.steady(8, 5);

    ScalingPlan first = plan(starting);
    ScalingPlan justReady = plan(ready, first.history(), Inputs.T0.plusSeconds(60));
    ScalingPlan aWindowLater = plan(ready, justReady.history(), Inputs.T0.plusSeconds(120));

    assertThat(justReady.prefill().correction()).isEqualTo(1.0);
    assertThat(justReady.decode().correction()).isEqualTo(1.0);
    assertThat(justReady.prefill().correctionWhy().message())
        .contains("capacity settled at 8 ready only since 2025-01-01T00:01:00Z");
    assertThat(aWindowLater.prefill().correction()).isGreaterThan(1.0);
    assertThat(aWindowLater.decode().correction()).isGreaterThan(1.0);
  }

  /** A ready count that changes without a reported transition (an engine lost) counts too. */
  @Test
  void aChangedReadyCountRestartsTheSettledWindow() {
    ScalingPlan six = plan(ReplicaStates.steady(6, 4));
    ScalingPlan five = plan(ReplicaStates.steady(5, 4), six.history(), Inputs.T0.plusSeconds(60));

    assertThat(six.prefill().correction()).isGreaterThan(1.0);
    assertThat(five.prefill().correction()).isEqualTo(six.prefill().correction());
    assertThat(five.prefill().correctionWhy().message()).contains("settled at 5 ready only since");
    // decode stayed settled at 4 ready: it keeps learning (the same observation, so the same k)
    assertThat(five.decode().correctionWhy().message())
        .contains("which k = ")
        .doesNotContain("kept");
    assertThat(five.decode().correction()).isEqualTo(six.decode().correction());
  }
}

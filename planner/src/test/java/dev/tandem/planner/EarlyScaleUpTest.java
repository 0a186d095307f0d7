package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.history.ScalingHistory;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A role that is not due decides early only to scale up a count predicted to miss. */
class EarlyScaleUpTest {

  private static final Deployment GROVE = Examples.groveDeployment();

  /** 40 req/s of 3000/300 tokens, decode at {@code decode} engines and not due. */
  private static ScalingPlan plan(int decode, boolean healthy) {
    PlannerInput in =
        Inputs.of(GROVE, 40, 3000, 300, 3, decode, healthy).withDue(Set.of(Role.PREFILL));
    return new Planner().plan(in, ScalingHistory.empty(), Inputs.T0);
  }

  @Test
  void aCountPredictedToMissScalesUpBeforeItsInterval() {
    ScalingPlan p = plan(1, true);

    assertThat(p.decode().desired()).isGreaterThan(1);
    assertThat(p.decode().desiredWhy().message())
        .contains("before its 1m interval is up: at its current 1 it is predicted to miss");
    assertThat(p.history().decode().lastDecision()).contains(Inputs.T0);
  }

  @Test
  void aScaleUpThatARuleHoldsIsNotADecision() {
    // stale load metrics never scale up: the role stays on its cadence, with nothing decided
    ScalingPlan p = plan(1, false);

    assertThat(p.decode().desired()).isEqualTo(1);
    assertThat(p.decode().desiredWhy().reason()).isEqualTo(Reason.NOT_DUE);
    assertThat(p.history().decode().lastDecision()).isEmpty();
  }

  @Test
  void aScaleDownWaitsForTheInterval() {
    ScalingPlan p = plan(8, true);

    assertThat(p.decode().desired()).isEqualTo(8);
    assertThat(p.decode().desiredWhy().reason()).isEqualTo(Reason.NOT_DUE);
  }
}

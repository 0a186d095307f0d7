package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * One request longer than one decode engine's KV cache (the H200 profile holds 945,029 tokens per
 * engine): no number of engines serves it, so decode is not scaled for it and the reason says so
 * with both numbers. Before, the plan said "needs 0 engines" and "needs more than 64" in one
 * sentence and scaled decode to maxReplicas.
 */
class DecodeKvFitTest {

  private static final Deployment GROVE = Examples.groveDeployment();
  private final Recommender recommender = new Recommender();

  private ScalingPlan plan(double isl, int currentDecode) {
    return recommender.recommend(
        GROVE,
        new Recommender.Load(
            20, isl, 0, 300, 0, 1, 0, OptionalInt.empty(), OptionalInt.of(currentDecode)),
        Inputs.T0);
  }

  @Test
  void aRequestOverTheKvCapacityKeepsDecodeWhereItIsAndSaysWhy() {
    ScalingPlan plan = plan(1e7, 3);

    assertThat(plan.decode().target()).isEqualTo(3);
    assertThat(plan.decode().desired()).isEqualTo(3);
    assertThat(plan.decode().targetWhy().reason()).isEqualTo(Reason.SLA_UNATTAINABLE);
    assertThat(plan.decode().targetWhy().message())
        .contains(
            "one request of context 10000150 tokens (ISL 10000000 + OSL/2 150) needs more KV cache"
                + " than one decode engine holds, 945029 tokens (kvCapacityTokens of profile")
        .contains("so no number of engines serves it; engines are not added for it")
        .doesNotContain("needs 0 engines")
        .doesNotContain("needs more than");
  }

  @Test
  void fromTheMinimumItStaysAtTheMinimum() {
    ScalingPlan plan = plan(1e7, 1);

    assertThat(plan.decode().target()).isEqualTo(1);
    assertThat(plan.decode().changes()).isFalse();
  }

  @Test
  void justInsideTheCapacityIsSizedAsUsual() {
    // context 944,000 + 150 fits one engine (945,029 tokens): one sequence at a time, sized
    ScalingPlan plan = plan(944_000, 1);

    assertThat(plan.decode().targetWhy().message()).doesNotContain("needs more KV cache");
    assertThat(plan.decode().targetWhy().reason()).isNotEqualTo(Reason.SLA_UNATTAINABLE);
  }
}

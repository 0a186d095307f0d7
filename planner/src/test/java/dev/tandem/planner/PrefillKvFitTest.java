package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * One prompt longer than one prefill engine's KV cache (the H200 profile holds 945,029 tokens): no
 * number of engines prefills it, so prefill is not scaled for it and the reason says so. Before,
 * {@code recommend --isl 1e7} scaled prefill 1 → 5 towards "more than 1024".
 */
class PrefillKvFitTest {

  private static final Deployment GROVE = Examples.groveDeployment();
  private final Recommender recommender = new Recommender();

  private ScalingPlan plan(double isl, int currentPrefill) {
    return recommender.recommend(
        GROVE,
        new Recommender.Load(
            20, isl, 0, 300, 0, 1, 0, OptionalInt.of(currentPrefill), OptionalInt.empty()),
        Inputs.T0);
  }

  @Test
  void aPromptOverTheKvCapacityKeepsPrefillWhereItIsAndSaysWhy() {
    ScalingPlan plan = plan(1e7, 2);

    assertThat(plan.prefill().target()).isEqualTo(2);
    assertThat(plan.prefill().changes()).isFalse();
    assertThat(plan.prefill().targetWhy().reason()).isEqualTo(Reason.SLA_UNATTAINABLE);
    assertThat(plan.prefill().targetWhy().message())
        .contains(
            "one prompt of 10000000 uncached tokens needs more KV cache than one prefill engine"
                + " holds, 945029 tokens")
        .contains("engines are not added for it");
  }

  @Test
  void justInsideTheCapacityIsSizedAsUsual() {
    ScalingPlan plan = plan(900_000, 1);

    assertThat(plan.prefill().targetWhy().message()).doesNotContain("needs more KV cache");
  }
}

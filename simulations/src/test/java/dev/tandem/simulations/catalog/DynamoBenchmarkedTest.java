package dev.tandem.simulations.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.policy.dynamo.ArimaPredictor;
import dev.tandem.simulations.policy.dynamo.DynamoSettings;
import dev.tandem.simulations.policy.dynamo.DynamoSlaPolicy;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * {@code dynamo-sla} is the reference planner as its published benchmark ran it ({@code planner_sla
 * --adjustment-interval=60 --no-correction} with the planner's defaults: ARIMA over 50 values, GPU
 * budget 8, minimum 1, from 1P/1D) on that benchmark's scenario; the port's earlier configuration
 * stays available as {@code dynamo-sla-t180}.
 */
class DynamoBenchmarkedTest {

  static PolicyContext sinusoid() {
    Scenario s = ScenarioCatalog.build("dynamo-sinusoid", ScenarioCatalogTest.options());
    return PolicyContext.of(s, 0.9, line -> {});
  }

  @Test
  void dynamoSlaRunsTheBenchmarkConfiguration() {
    ScalingPolicy p = PolicyRegistry.standard().create("dynamo-sla", sinusoid());

    assertThat(p).isInstanceOf(DynamoSlaPolicy.class);
    DynamoSettings s = ((DynamoSlaPolicy) p).settings();
    assertThat(s.adjustmentIntervalSeconds()).isEqualTo(60);
    assertThat(s.correction()).isFalse();
    assertThat(s.maxGpuBudget()).isEqualTo(8);
    assertThat(s.minEndpoint()).isEqualTo(1);
    assertThat(s.loadHeadroom()).isEqualTo(1.0);
    assertThat(s.ttftTargetMillis()).isEqualTo(200);
    assertThat(s.itlTargetMillis()).isEqualTo(10);
    assertThat(p.initial()).isEqualTo(new ReplicaTargets(1, 1));
    assertThat(p.intervalMicros()).isEqualTo(60_000_000L);
    assertThat(s.predictor().get())
        .isInstanceOfSatisfying(ArimaPredictor.class, a -> assertThat(a.window()).isEqualTo(50));
  }

  @Test
  void theEarlierPortStaysAsANamedVariant() {
    PolicyContext ctx = sinusoid();
    DynamoSlaPolicy p = (DynamoSlaPolicy) PolicyRegistry.standard().create("dynamo-sla-t180", ctx);

    assertThat(p.name()).isEqualTo("dynamo-sla-t180");
    assertThat(p.settings().adjustmentIntervalSeconds()).isEqualTo(180);
    assertThat(p.settings().correction()).isTrue();
    assertThat(p.settings().maxGpuBudget()).isEqualTo(-1);
    assertThat(p.initial()).isEqualTo(ctx.initialCounts());
    assertThat(p.settings().predictor().get())
        .isInstanceOfSatisfying(ArimaPredictor.class, a -> assertThat(a.window()).isEqualTo(100));
  }

  @Test
  void theBenchmarkScenarioGivesEveryPolicyItsEightGpus() {
    PolicyContext ctx = sinusoid();

    assertThat(ctx.config().cluster().limits().budgetGpus()).isEqualTo(8);
    assertThat(PolicyRegistry.tandemSettings(ctx).budgetGpus()).isEqualTo(8);
    assertThat(ctx.config().cluster().sharedPrefillQueue()).isTrue();
  }
}

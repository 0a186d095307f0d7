package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.EngineRole;
import dev.tandem.planner.history.ScalingHistory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of {@link Planner#plan} over random loads, counts and budgets (grove, H200). */
class PlannerPropertiesTest {

  private static final Deployment GROVE = Examples.groveDeployment();
  private static final EngineRole PREFILL = GROVE.policy().roles().prefill();
  private static final EngineRole DECODE = GROVE.policy().roles().decode();
  private final Planner planner = new Planner();

  @Property(tries = 300)
  void theBudgetIsNeverExceeded(
      @ForAll @DoubleRange(min = 0, max = 400) double rate,
      @ForAll @DoubleRange(min = 100, max = 12000) double isl,
      @ForAll @DoubleRange(min = 10, max = 2000) double osl,
      @ForAll @IntRange(min = 1, max = 8) int prefill,
      @ForAll @IntRange(min = 1, max = 12) int decode,
      @ForAll @IntRange(min = 2, max = 16) int budget) {
    PlannerInput in =
        Inputs.of(GROVE, rate, isl, osl, prefill, decode, true).withBudget(budget, "test");

    ScalingPlan plan = planner.plan(in, ScalingHistory.empty(), Inputs.T0);

    assertThat(plan.prefill().target() + plan.decode().target()).isLessThanOrEqualTo(budget);
    assertThat(plan.gpus()).isLessThanOrEqualTo(budget);
  }

  @Property(tries = 300)
  void replicasStayWithinTheirRange(
      @ForAll @DoubleRange(min = 0, max = 400) double rate,
      @ForAll @DoubleRange(min = 100, max = 12000) double isl,
      @ForAll @DoubleRange(min = 10, max = 2000) double osl,
      @ForAll @IntRange(min = 1, max = 8) int prefill,
      @ForAll @IntRange(min = 1, max = 12) int decode,
      @ForAll boolean healthy) {
    ScalingPlan plan =
        planner.plan(
            Inputs.of(GROVE, rate, isl, osl, prefill, decode, healthy),
            ScalingHistory.empty(),
            Inputs.T0);

    for (RoleDecision d : plan.decisions()) {
      EngineRole role = d.role() == PREFILL.role() ? PREFILL : DECODE;
      assertThat(d.target()).isBetween(role.minReplicas(), role.maxReplicas());
      assertThat(d.desired()).isBetween(role.minReplicas(), role.maxReplicas());
    }
  }

  @Property(tries = 300)
  void replicasDoNotFallAsLoadRises(
      @ForAll @DoubleRange(min = 0, max = 300) double rate,
      @ForAll @DoubleRange(min = 0, max = 100) double more,
      @ForAll @DoubleRange(min = 100, max = 12000) double isl,
      @ForAll @DoubleRange(min = 10, max = 2000) double osl) {
    // a budget that never binds: the roles' maxima sum to 20 GPUs
    ScalingPlan low =
        planner.plan(
            Inputs.of(GROVE, rate, isl, osl, 1, 1, true).withBudget(100, "test"),
            ScalingHistory.empty(),
            Inputs.T0);
    ScalingPlan high =
        planner.plan(
            Inputs.of(GROVE, rate + more, isl, osl, 1, 1, true).withBudget(100, "test"),
            ScalingHistory.empty(),
            Inputs.T0);

    assertThat(high.prefill().target()).isGreaterThanOrEqualTo(low.prefill().target());
    assertThat(high.decode().target()).isGreaterThanOrEqualTo(low.decode().target());
  }

  @Property(tries = 200)
  void theSameInputsGiveTheSamePlan(
      @ForAll @DoubleRange(min = 0, max = 400) double rate,
      @ForAll @DoubleRange(min = 100, max = 12000) double isl,
      @ForAll @IntRange(min = 1, max = 8) int prefill,
      @ForAll @IntRange(min = 1, max = 12) int decode) {
    PlannerInput in = Inputs.of(GROVE, rate, isl, 300, prefill, decode, true);

    assertThat(planner.plan(in, ScalingHistory.empty(), Inputs.T0))
        .isEqualTo(new Planner().plan(in, ScalingHistory.empty(), Inputs.T0));
  }

  /**
   * Current counts within the 16-GPU budget: a deployment already above its budget is brought down
   * to it whatever the metrics say (the budget is the harder rule; see PLANNER.md).
   */
  @Property(tries = 300)
  void staleMetricsNeverScaleDown(
      @ForAll @DoubleRange(min = 0, max = 400) double rate,
      @ForAll @IntRange(min = 1, max = 8) int prefill,
      @ForAll @IntRange(min = 1, max = 8) int decode) {
    // a full window of low recommendations first, so only the health rule can hold a decrease
    ScalingHistory history = ScalingHistory.empty();
    for (int s = 0; s <= 900; s += 60) {
      history =
          planner
              .plan(
                  Inputs.of(GROVE, 0, 3000, 300, prefill, decode, true),
                  history,
                  Inputs.T0.plusSeconds(s))
              .history();
    }
    ScalingPlan plan =
        planner.plan(
            Inputs.of(GROVE, rate, 3000, 300, prefill, decode, false),
            history,
            Inputs.T0.plusSeconds(960));

    assertThat(plan.prefill().desired()).isGreaterThanOrEqualTo(prefill);
    assertThat(plan.decode().desired()).isGreaterThanOrEqualTo(decode);
    assertThat(plan.changes()).isEmpty();
  }
}

package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.EngineRole;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.testing.SeededCases;
import dev.tandem.planner.testing.SeededCases.Sample;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of {@link Planner#plan} over generated loads, counts and budgets (grove, H200). Each
 * case is named by its seed and index ({@link SeededCases}), so a failure reproduces by name.
 */
class PlannerPropertiesTest {

  private static final Deployment GROVE = Examples.groveDeployment();
  private static final EngineRole PREFILL = GROVE.policy().roles().prefill();
  private static final EngineRole DECODE = GROVE.policy().roles().decode();
  private final Planner planner = new Planner();

  /** A load and the counts it meets. */
  record Load(
      double rate, double isl, double osl, int prefill, int decode, int budget, boolean healthy) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "rate %.3f, isl %.1f, osl %.1f, current %dP/%dD, budget %d, %s",
          rate,
          isl,
          osl,
          prefill,
          decode,
          budget,
          healthy ? "healthy" : "unhealthy");
    }
  }

  static Stream<Sample<Load>> loads() {
    return SeededCases.of(
        42,
        300,
        d ->
            new Load(
                d.between(0.0, 400.0),
                d.between(100.0, 12000.0),
                d.between(10.0, 2000.0),
                d.between(1, 8),
                d.between(1, 12),
                d.between(2, 16),
                d.bool()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loads")
  void theBudgetIsNeverExceeded(Sample<Load> s) {
    Load l = s.value();
    PlannerInput in =
        Inputs.of(GROVE, l.rate(), l.isl(), l.osl(), l.prefill(), l.decode(), true)
            .withBudget(l.budget(), "test");

    ScalingPlan plan = planner.plan(in, ScalingHistory.empty(), Inputs.T0);

    assertThat(plan.prefill().target() + plan.decode().target()).isLessThanOrEqualTo(l.budget());
    assertThat(plan.gpus()).isLessThanOrEqualTo(l.budget());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loads")
  void replicasStayWithinTheirRange(Sample<Load> s) {
    Load l = s.value();
    ScalingPlan plan =
        planner.plan(
            Inputs.of(GROVE, l.rate(), l.isl(), l.osl(), l.prefill(), l.decode(), l.healthy()),
            ScalingHistory.empty(),
            Inputs.T0);

    for (RoleDecision d : plan.decisions()) {
      EngineRole role = d.role() == PREFILL.role() ? PREFILL : DECODE;
      assertThat(d.target()).isBetween(role.minReplicas(), role.maxReplicas());
      assertThat(d.desired()).isBetween(role.minReplicas(), role.maxReplicas());
    }
  }

  /** A load, and more of it. */
  record Rise(double rate, double more, double isl, double osl) {}

  static Stream<Sample<Rise>> rises() {
    return SeededCases.of(
        7,
        300,
        d ->
            new Rise(
                d.between(0.0, 300.0),
                d.between(0.0, 100.0),
                d.between(100.0, 12000.0),
                d.between(10.0, 2000.0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rises")
  void replicasDoNotFallAsLoadRises(Sample<Rise> s) {
    Rise r = s.value();
    // a budget that never binds: the roles' maxima sum to 20 GPUs
    ScalingPlan low =
        planner.plan(
            Inputs.of(GROVE, r.rate(), r.isl(), r.osl(), 1, 1, true).withBudget(100, "test"),
            ScalingHistory.empty(),
            Inputs.T0);
    ScalingPlan high =
        planner.plan(
            Inputs.of(GROVE, r.rate() + r.more(), r.isl(), r.osl(), 1, 1, true)
                .withBudget(100, "test"),
            ScalingHistory.empty(),
            Inputs.T0);

    assertThat(high.prefill().target()).isGreaterThanOrEqualTo(low.prefill().target());
    assertThat(high.decode().target()).isGreaterThanOrEqualTo(low.decode().target());
  }

  static Stream<Sample<Load>> someLoads() {
    return loads().limit(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("someLoads")
  void theSameInputsGiveTheSamePlan(Sample<Load> s) {
    Load l = s.value();
    PlannerInput in = Inputs.of(GROVE, l.rate(), l.isl(), 300, l.prefill(), l.decode(), true);

    assertThat(planner.plan(in, ScalingHistory.empty(), Inputs.T0))
        .isEqualTo(new Planner().plan(in, ScalingHistory.empty(), Inputs.T0));
  }

  /** A rate and current counts within the 16-GPU budget. */
  record Held(double rate, int prefill, int decode) {}

  static Stream<Sample<Held>> held() {
    return SeededCases.of(
        11, 300, d -> new Held(d.between(0.0, 400.0), d.between(1, 8), d.between(1, 8)));
  }

  /**
   * Current counts within the 16-GPU budget: a deployment already above its budget is brought down
   * to it whatever the metrics say (the budget is the harder rule; see PLANNER.md).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("held")
  void staleMetricsNeverScaleDown(Sample<Held> s) {
    Held h = s.value();
    // a full window of low recommendations first, so only the health rule can hold a decrease
    ScalingHistory history = ScalingHistory.empty();
    for (int t = 0; t <= 900; t += 60) {
      history =
          planner
              .plan(
                  Inputs.of(GROVE, 0, 3000, 300, h.prefill(), h.decode(), true),
                  history,
                  Inputs.T0.plusSeconds(t))
              .history();
    }
    ScalingPlan plan =
        planner.plan(
            Inputs.of(GROVE, h.rate(), 3000, 300, h.prefill(), h.decode(), false),
            history,
            Inputs.T0.plusSeconds(960));

    assertThat(plan.prefill().desired()).isGreaterThanOrEqualTo(h.prefill());
    assertThat(plan.decode().desired()).isGreaterThanOrEqualTo(h.decode());
    assertThat(plan.changes()).isEmpty();
  }
}

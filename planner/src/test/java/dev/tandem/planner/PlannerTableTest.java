package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.history.RoleHistory;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.sizing.DecodeModel;
import dev.tandem.planner.sizing.LognormalStrata;
import dev.tandem.planner.sizing.PrefillSizer;
import dev.tandem.planner.sizing.ServiceTimes;
import dev.tandem.profiles.model.EngineSpec;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole plans for the Grove example policy on the H200 profile (TTFT p90 ≤ 200 ms, ITL p90 ≤ 10 ms,
 * prefill 1..8, decode 1..12, 16 GPUs). One engine carries 16.33 req/s of 3000-token prefill back
 * to back (TTFT 61.248 ms) and 14.343 req/s of decode at context 3150, OSL 300 (see
 * PrefillSizerTest and DecodeModelTest for the derivations).
 */
class PlannerTableTest {

  private static final Deployment GROVE = Examples.groveDeployment();
  private final Recommender recommender = new Recommender();

  record Case(
      String name,
      double rate,
      int prefillTarget,
      Reason prefillReason,
      int decodeTarget,
      Reason decodeReason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // prefill: G/G/2 gives p90 122 ms; decode ⌈20 / 14.343⌉ = 2
        new Case("the worked example: 20 req/s", 20, 2, Reason.SLA_SIZED, 2, Reason.SLA_SIZED),
        // prefill 3 (PrefillSizerTest); decode ⌈40 / 14.343⌉ = 3
        new Case("40 req/s", 40, 3, Reason.SLA_SIZED, 3, Reason.SLA_SIZED),
        // prefill: a = 6.1248 → 7 engines; decode ⌈100 / 14.343⌉ = ⌈6.97⌉ = 7: 14 GPUs ≤ 16
        new Case("100 req/s", 100, 7, Reason.SLA_SIZED, 7, Reason.SLA_SIZED),
        new Case("no traffic", 0, 1, Reason.NO_TRAFFIC, 1, Reason.NO_TRAFFIC),
        // 5 req/s: one engine each (prefill P = 0.0132; decode 5 < 14.343)
        new Case("a trickle", 5, 1, Reason.SLA_SIZED, 1, Reason.SLA_SIZED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void targets(Case c) {
    ScalingPlan plan =
        recommender.recommend(GROVE, Recommender.Load.of(c.rate(), 3000, 300), Inputs.T0);

    assertThat(plan.prefill().target()).isEqualTo(c.prefillTarget());
    assertThat(plan.prefill().targetWhy().reason()).isEqualTo(c.prefillReason());
    assertThat(plan.decode().target()).isEqualTo(c.decodeTarget());
    assertThat(plan.decode().targetWhy().reason()).isEqualTo(c.decodeReason());
  }

  @Test
  void lengthsBeyondTheProfileAreNamedInTheReasons() {
    // the H200 profile measured prompts up to 16,372 tokens and decode contexts up to 13,585
    ScalingPlan inside =
        recommender.recommend(GROVE, Recommender.Load.of(20, 3000, 300), Inputs.T0);
    assertThat(inside.prefill().targetWhy().message()).doesNotContain("beyond the profile");
    assertThat(inside.decode().targetWhy().message()).doesNotContain("beyond the profile");

    ScalingPlan beyond =
        recommender.recommend(GROVE, Recommender.Load.of(20, 30_000, 300), Inputs.T0);
    assertThat(beyond.prefill().targetWhy().message())
        .contains(
            "; beyond the profile: ISL up to 30000 extrapolated above the largest measured 16372"
                + " (TTFT linear in ISL past the last two points)");
    assertThat(beyond.decode().targetWhy().message())
        .contains("; beyond the profile: context 30150 above the largest measured");
  }

  @Test
  void aProfileThatStatesKvBytesAndBandwidthAddsTheTransferToEveryPrefill() {
    PerformanceProfile h200 = Examples.h200();
    EngineSpec e = h200.engine();
    // Llama-3.1-8B: 2 × 32 layers × 8 KV heads × 128 × 1 byte (fp8) = 65,536 bytes per token
    EngineSpec withTransfer =
        new EngineSpec(
            e.name(),
            e.version(),
            e.tensorParallelSize(),
            e.gpusPerEngine(),
            e.kvCapacityTokens(),
            e.maxBatchedTokens(),
            e.maxSequences(),
            Optional.of(1.0e10),
            Optional.of(65_536.0));
    PerformanceProfile moving =
        new PerformanceProfile(
            h200.metadata(), h200.gpu(), h200.model(), withTransfer, h200.prefill(), h200.decode());
    Deployment d = Deployment.of(Examples.grove(), moving, moving);

    ScalingPlan plain = recommender.recommend(GROVE, Recommender.Load.of(5, 3000, 300), Inputs.T0);
    ScalingPlan moved = recommender.recommend(d, Recommender.Load.of(5, 3000, 300), Inputs.T0);

    // 3,000 tokens × 65,536 B ÷ 10 GB/s = 19.7 ms more service time per request
    assertThat(moved.prefill().targetWhy().message()).contains("service p90 80.9 ms");
    assertThat(plain.prefill().targetWhy().message()).contains("service p90 61.2 ms");
  }

  @Test
  void anUnattainableTtftIsNamedWithItsCauseAndSizedForTheBestAttainable() {
    // TTFT(12,000) on the H200 is 255.9 ms > the 200 ms target: no engine count meets the p90
    ScalingPlan plan =
        recommender.recommend(GROVE, Recommender.Load.of(10, 12_000, 300), Inputs.T0);

    assertThat(plan.prefill().targetWhy().reason()).isEqualTo(Reason.SLA_UNATTAINABLE);
    assertThat(plan.prefill().targetWhy().message())
        .contains(
            "unattainable: the p90 prompt (≈ 12000 tokens) alone takes 255.9 ms on an idle"
                + " engine, above the target of 200.0 ms")
        .contains("sized for 319.8 ms instead");
    // not chased to maxReplicas (8): a = 10 × 0.256 = 2.56 Erlangs need a few engines, no more
    assertThat(plan.prefill().target()).isBetween(3, 6);
    assertThat(plan.prefill().predictedMillis()).isLessThanOrEqualTo(319.8);
  }

  @Test
  void anUnattainableTargetIsSizedAtTheLearnedKWithoutTheMarginForSingleWindows() {
    // k = 1.2 learned, single windows scattering by σ = 0.2: an attainable target would be sized
    // at 1.2 e^{1.28 · 0.2} = 1.55; an unattainable one has no probability to protect
    ScalingHistory scattered =
        ScalingHistory.empty()
            .with(Role.PREFILL, RoleHistory.empty().withCorrection(1.2, 20, 0.04));
    ScalingHistory exact =
        ScalingHistory.empty().with(Role.PREFILL, RoleHistory.empty().withCorrection(1.2, 20, 0));
    Recommender.Load load = Recommender.Load.of(10, 12_000, 300);

    ScalingPlan plan = recommender.recommend(GROVE, load, Inputs.T0, scattered);
    ScalingPlan plain = recommender.recommend(GROVE, load, Inputs.T0, exact);

    assertThat(plan.prefill().targetWhy().reason()).isEqualTo(Reason.SLA_UNATTAINABLE);
    assertThat(plan.prefill().correctionWhy().message())
        .contains("sized at the learned k = 1.200, without the margin for single windows");
    assertThat(plan.prefill().target()).isEqualTo(plain.prefill().target());
    // an attainable target keeps its margin
    ScalingPlan attainable =
        recommender.recommend(GROVE, Recommender.Load.of(20, 3000, 300), Inputs.T0, scattered);
    assertThat(attainable.prefill().correctionWhy().message()).contains("sized at k = 1.55");
  }

  @Test
  void theWorkedExampleExplainsEveryNumber() {
    ScalingPlan plan = recommender.recommend(GROVE, Recommender.Load.of(20, 3000, 300), Inputs.T0);

    assertThat(plan.prefill().predictedMillis()).isCloseTo(122.0, within(0.1));
    assertThat(plan.decode().predictedMillis()).isCloseTo(7.574, within(0.01));
    assertThat(plan.gpus()).isEqualTo(4);
    assertThat(plan.gpusWhy().message())
        .isEqualTo("prefill 2×1 + decode 2×1 = 4 GPUs of the budget of 16 (spec.budget.maxGpus)");
    assertThat(plan.decode().targetWhy().message())
        .startsWith(
            "forecast P90 peak 20 req/s over the next 3m needs 1.39 engines at ITL p90 ≤ 10.0 ms,"
                + " context 3150, OSL 300: one engine carries 14.3 req/s");
    assertThat(plan.prefill().targetWhy().message())
        .contains("service p90 61.2 ms")
        .contains("G/G/2 with c_a² 1.00, c_s² 0.00 gives TTFT p90 122.0 ms ≤ 200.0 ms");
    for (RoleDecision d : plan.decisions()) {
      for (Explanation e :
          List.of(d.targetWhy(), d.desiredWhy(), d.predictedWhy(), d.correctionWhy())) {
        assertThat(e.message()).isNotBlank();
      }
    }
  }

  @Test
  void whenTheBudgetBindsTheMinimumOfBothCapacitiesIsAsLargeAsAnySplitCanMake() {
    // 200 req/s needs prefill 8 (max) and decode 12 (max) = 20 GPUs > 16
    ScalingPlan plan = recommender.recommend(GROVE, Recommender.Load.of(200, 3000, 300), Inputs.T0);
    int p = plan.prefill().target();
    int d = plan.decode().target();

    assertThat(p + d).isLessThanOrEqualTo(16);
    assertThat(List.of(plan.prefill().targetWhy().reason(), plan.decode().targetWhy().reason()))
        .contains(Reason.BUDGET_CAPPED);
    // brute force over every split of 16 GPUs with the same capacity functions
    ServiceTimes s = ServiceTimes.of(GROVE.prefill(), LognormalStrata.points(3000, 9e6), 0, 1, 0);
    DecodeModel m = new DecodeModel(GROVE.decode().at(3150), 300, 1, 1, 0.9, 300, Double.MAX_VALUE);
    double best = 0;
    for (int pp = 1; pp <= 8; pp++) {
      for (int dd = 1; dd <= 12 && pp + dd <= 16; dd++) {
        best =
            Math.max(
                best, Math.min(PrefillSizer.capacity(pp, s, 1, 0.2, 0.9), dd * m.capacity(10)));
      }
    }
    double chosen = Math.min(PrefillSizer.capacity(p, s, 1, 0.2, 0.9), d * m.capacity(10));
    assertThat(chosen).isCloseTo(best, within(1e-9));
  }

  @Test
  void aOneShotRecommendationNeverScalesDownWithoutTheWindow() {
    ScalingPlan plan =
        recommender.recommend(
            GROVE,
            new Recommender.Load(20, 3000, 0, 300, 0, 1, 0, OptionalInt.of(8), OptionalInt.of(8)),
            Inputs.T0);

    assertThat(plan.prefill().target()).isEqualTo(2);
    assertThat(plan.prefill().desired()).isEqualTo(8);
    assertThat(plan.prefill().desiredWhy().reason()).isEqualTo(Reason.SCALE_DOWN_STABILIZED);
    assertThat(plan.changes()).isEmpty();
  }

  @Test
  void decreasesComeBeforeIncreases() {
    // decode 6 → 2 allowed after a full window of low recommendations; prefill 1 → 3 at 40 req/s
    PlannerInput in = Inputs.of(GROVE, 40, 3000, 300, 1, 6, true);
    ScalingHistory history = ScalingHistory.empty();
    Planner planner = new Planner();
    for (int s = 0; s <= 600; s += 60) {
      history =
          planner
              .plan(Inputs.of(GROVE, 40, 3000, 300, 1, 6, true), history, Inputs.T0.plusSeconds(s))
              .history();
    }
    ScalingPlan plan = planner.plan(in, history, Inputs.T0.plusSeconds(660));

    assertThat(plan.changes())
        .extracting(ReplicaChange::role, ReplicaChange::from, ReplicaChange::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(dev.tandem.config.policy.Role.DECODE, 6, 3),
            org.assertj.core.groups.Tuple.tuple(dev.tandem.config.policy.Role.PREFILL, 1, 3));
  }

  @Test
  void minimumsThatDoNotFitThePoolsGrantKeepTheCurrentReplicas() {
    PlannerInput in = Inputs.of(GROVE, 40, 3000, 300, 3, 3, true).withBudget(1, "pool test");

    ScalingPlan plan = new Planner().plan(in, ScalingHistory.empty(), Inputs.T0);

    assertThat(List.of(plan.prefill().desired(), plan.decode().desired())).containsExactly(3, 3);
    assertThat(plan.prefill().desiredWhy().reason()).isEqualTo(Reason.BUDGET_MINIMUMS_DO_NOT_FIT);
  }
}

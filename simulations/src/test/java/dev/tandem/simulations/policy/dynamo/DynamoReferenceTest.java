package dev.tandem.simulations.policy.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.policy.ReplicaTargets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference planner's published test vectors on the H200 Llama-3.1-8B-FP8 TP1 profile, T = 180
 * s, ITL 10 ms, no correction (c_p = c_d = 1), and the interpolators against SciPy.
 */
class DynamoReferenceTest {

  private static final DynamoSizing SIZING = new DynamoSizing(TestProfiles.h200());

  record Vector(String name, double ratePerSecond, int isl, int osl, int prefill, int decode) {
    @Override
    public String toString() {
      return name;
    }
  }

  /*
   * Hand check of the first vector: N = 20 × 180 = 3600 requests. Prefill: 3600 × 3000 / 180 =
   * 60,000 tokens/s over thpt_p(3000) = 49,481 tokens/s/GPU = 1.21 → 2. Decode: context 3000 +
   * 75 = 3075, grid row 22 (3019 tokens); the highest KV usage with ITL ≤ 10 ms is 15/99 = 0.1515
   * at ≈ 4,700 tokens/s/GPU; 3600 × 150 / 180 = 3,000 tokens/s → 0.64 → 1. With OSL 300 the
   * decode demand doubles (1.3 → 2); at 40 req/s prefill needs 2.43 → 3 and decode 2.6 → 3.
   */
  static Stream<Vector> vectors() {
    return Stream.of(
        new Vector("20 req/s, ISL 3000, OSL 150", 20, 3000, 150, 2, 1),
        new Vector("20 req/s, ISL 3000, OSL 300", 20, 3000, 300, 2, 2),
        new Vector("40 req/s, ISL 3000, OSL 300", 40, 3000, 300, 3, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reproducesThePublishedTestVectors(Vector v) {
    double requests = v.ratePerSecond() * 180;
    int p = SIZING.prefillReplicas(requests, v.isl(), 180, 1.0, 1);
    int d = SIZING.decodeReplicas(requests, v.isl(), v.osl(), 180, 10, 1.0, 1);
    assertThat(new ReplicaTargets(p, d)).isEqualTo(new ReplicaTargets(v.prefill(), v.decode()));
  }

  record SplinePoint(double isl, double ttftMillis, double throughputPerGpu) {}

  /** SciPy 1.17 {@code interp1d(kind="cubic")} on the same points, to 1e-6 relative. */
  static Stream<SplinePoint> scipyPrefill() {
    return Stream.of(
        new SplinePoint(100, 19.525209, 5121.58410186544),
        new SplinePoint(1500, 43.32494398496351, 35000.96890322964),
        new SplinePoint(3000, 60.45866867507648, 49481.093527696125),
        new SplinePoint(7000, 138.2033582885611, 50590.26815140029),
        new SplinePoint(16000, 374.33674921408226, 42600.01955245044),
        // Outside the measured range the ISL is clamped, as in the reference.
        new SplinePoint(50_000, 375.482618, 43602.55099744724));
  }

  @ParameterizedTest(name = "ISL {0}")
  @MethodSource("scipyPrefill")
  void prefillSplineMatchesScipy(SplinePoint s) {
    DynamoPrefillInterpolator prefill = SIZING.prefill();
    assertThat(prefill.ttftMillis(s.isl()))
        .isCloseTo(s.ttftMillis(), within(s.ttftMillis() * 1e-6));
    assertThat(prefill.throughputPerGpu(s.isl()))
        .isCloseTo(s.throughputPerGpu(), within(s.throughputPerGpu() * 1e-6));
  }

  /**
   * SciPy's Clough–Tocher grid gives 4,679.6 tokens/s/GPU at ITL 9.74 ms, KV 0.1515 (context 3075)
   * and 4,555.7 at 9.73 ms, KV 0.1616 (context 3150); the linear stand-in lands on the same grid
   * columns within 3 %.
   */
  @ParameterizedTest(name = "context {0}")
  @MethodSource("scipyDecode")
  void decodeGridStaysCloseToScipy(double context, double scipyThroughput, double scipyKv) {
    DynamoDecodeGrid.OperatingPoint best = SIZING.decode().best(10, context);
    assertThat(best.kvUsage()).isCloseTo(scipyKv, within(1.5 / 99));
    assertThat(best.itlMillis()).isLessThanOrEqualTo(10);
    assertThat(best.throughputPerGpu()).isCloseTo(scipyThroughput, within(scipyThroughput * 0.03));
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> scipyDecode() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(3075.0, 4679.638896044765, 15 / 99.0),
        org.junit.jupiter.params.provider.Arguments.of(3150.0, 4555.680366094516, 16 / 99.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("budgets")
  void budgetScalesPrefillDownAndGivesDecodeTheRest(
      String name, int p, int d, int budget, int expectedP, int expectedD) {
    assertThat(SIZING.fitBudget(p, d, budget, 1))
        .isEqualTo(new ReplicaTargets(expectedP, expectedD));
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> budgets() {
    return Stream.of(
        // Within budget: unchanged.
        org.junit.jupiter.params.provider.Arguments.of("fits", 3, 3, 8, 3, 3),
        // No budget (-1): unchanged.
        org.junit.jupiter.params.provider.Arguments.of("no budget", 30, 30, -1, 30, 30),
        // 6 + 4 = 10 > 5: s = 0.5, P = max(1, min(⌊(5−1)/1⌋ = 4, ⌊3⌋ = 3)) = 3, D = 5 − 3 = 2.
        org.junit.jupiter.params.provider.Arguments.of("shrink", 6, 4, 5, 3, 2),
        // 1 + 9 = 10 > 4: s = 0.4, P = max(1, ⌊0.4⌋ = 0) = 1, D = 4 − 1 = 3.
        org.junit.jupiter.params.provider.Arguments.of("prefill at minimum", 1, 9, 4, 1, 3),
        // Budget below 2 × min: both zero, as the reference does.
        org.junit.jupiter.params.provider.Arguments.of("below minimum", 2, 2, 1, 0, 0));
  }
}

package dev.tandem.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.planner.Examples;
import dev.tandem.profiles.capacity.ProfileCapacity;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prefill sizing on the H200 profile for TTFT p90 ≤ 200 ms. TTFT(ISL) is linear between measured
 * points: TTFT(3000) = 49.968438 + (3000 − 2134)/1017 × 13.246317 = 61.2480 ms, TTFT(1500) =
 * 38.494131 + (1500 − 1117)/1017 × 11.474307 = 42.8153 ms. With fixed ISL, c_s² = 0 and P(TTFT &gt;
 * t) = C(c, a) · exp(−(cμ − λ)(t − S) · 2/c_a²).
 */
class PrefillSizerTest {

  private static final ProfileCapacity H200 = new ProfileCapacity(Examples.h200());

  record Case(
      String name, double rate, double isl, double arrivalScv, double prefixHit, int engines) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // a = 20 × 0.061248 = 1.2250; c = 1 unstable; c = 2: C = 0.46529, θ = (32.654 − 20) × 2 =
        // 25.308/s, P = 0.46529 × exp(−25.308 × 0.13875) = 0.0139 ≤ 0.1
        new Case("20 req/s of 3000 tokens, Poisson", 20, 3000, 1, 0, 2),
        // a = 2.4499; c = 3: C = 0.67447, θ = 17.962, P = 0.67447 × exp(−17.962 × 0.13875) = 0.0558
        new Case("40 req/s of 3000 tokens, Poisson", 40, 3000, 1, 0, 3),
        // same, c_a² = 4: c = 3: θ = 4.4906, P = 0.3617 > 0.1; c = 4: C = 0.30320, θ = 12.654,
        // P = 0.30320 × exp(−12.654 × 0.13875) = 0.0524
        new Case("40 req/s of 3000 tokens, bursty (c_a² 4)", 40, 3000, 4, 0, 4),
        // half the prompt cached: S = TTFT(1500) = 42.815 ms, a = 1.7126; c = 2: C = 0.79002,
        // θ = (46.712 − 40) × 2 = 13.4245, P = 0.79002 × exp(−13.4245 × 0.157185) = 0.0958
        new Case("40 req/s of 3000 tokens, 50% prefix hits", 40, 3000, 1, 0.5, 2),
        // a = 6.1248; c = 7: C = 0.65693, θ = 28.579, P = 0.65693 × exp(−28.579 × 0.13875) = 0.0125
        new Case("100 req/s of 3000 tokens, Poisson", 100, 3000, 1, 0, 7),
        new Case("no traffic", 0, 3000, 1, 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fewestEnginesMeetingTheTtftPercentile(Case c) {
    ServiceTimes s = ServiceTimes.of(H200, new double[] {c.isl()}, c.prefixHit(), 1.0, 0);

    PrefillSizing sizing = PrefillSizer.size(c.rate(), s, c.arrivalScv(), 0.2, 0.9, 100);

    assertThat(sizing.engines()).isEqualTo(c.engines());
    assertThat(sizing.met()).isTrue();
    assertThat(sizing.reachable()).isTrue();
  }

  @Test
  void thePredictedPercentileOfTheWorkedExample() {
    ServiceTimes s = ServiceTimes.of(H200, new double[] {3000}, 0, 1.0, 0);
    // t = S + ln(C / 0.1) / θ = 61.248 ms + ln(4.6529) / 25.308 s = 61.248 + 60.75 = 121.99 ms
    double t = PrefillQueue.of(2, 20, s, 1.0).percentileSeconds(0.9) * 1000;

    assertThat(t).isCloseTo(122.0, within(0.1));
  }

  @Test
  void aPoolThatMeetsTheMeanButMissesP90IsUndersized() {
    ServiceTimes s = ServiceTimes.of(H200, new double[] {3000}, 0, 1.0, 0);
    // 3 engines at 45 req/s: the mean TTFT (S + C/θ) is under 200 ms, the p90 is not
    PrefillQueue three = PrefillQueue.of(3, 45, s, 1.0);
    double meanMillis = (s.meanSeconds() + three.waitProbability() / theta(3, 45, s)) * 1000;

    assertThat(meanMillis).isLessThan(200);
    assertThat(three.percentileSeconds(0.9) * 1000).isGreaterThan(200);
    assertThat(PrefillSizer.size(45, s, 1.0, 0.2, 0.9, 100).engines()).isEqualTo(4);
  }

  @Test
  void longPromptsOfTheSameMeanNeedMoreEnginesThanFixedOnes() {
    // ISL mean 3000 with cv 1.5: TTFT is convex and the tail reaches 10k+ tokens
    double[] spread = LognormalStrata.points(3000, 3000.0 * 3000 * (1 + 1.5 * 1.5));
    ServiceTimes fixed = ServiceTimes.of(H200, new double[] {3000}, 0, 1.0, 0);
    ServiceTimes varied = ServiceTimes.of(H200, spread, 0, 1.0, 0);

    assertThat(varied.meanSeconds()).isGreaterThan(fixed.meanSeconds());
    assertThat(varied.scv()).isGreaterThan(0.5);
    assertThat(PrefillSizer.size(40, varied, 1.0, 0.2, 0.9, 100).engines())
        .isGreaterThan(PrefillSizer.size(40, fixed, 1.0, 0.2, 0.9, 100).engines());
  }

  @Test
  void aTargetBelowTheServiceTimeIsReportedUnreachable() {
    ServiceTimes s = ServiceTimes.of(H200, new double[] {3000}, 0, 1.0, 0);

    PrefillSizing sizing = PrefillSizer.size(20, s, 1.0, 0.050, 0.9, 100);

    assertThat(sizing.reachable()).isFalse();
    assertThat(sizing.targetSeconds()).isCloseTo(1.25 * 0.061248, within(1e-5));
  }

  @Test
  void capacityIsTheRateAtWhichTheCountStopsSufficing() {
    ServiceTimes s = ServiceTimes.of(H200, new double[] {3000}, 0, 1.0, 0);
    double cap = PrefillSizer.capacity(3, s, 1.0, 0.2, 0.9);

    assertThat(PrefillSizer.size(cap * 0.999, s, 1.0, 0.2, 0.9, 100).engines()).isEqualTo(3);
    assertThat(PrefillSizer.size(cap * 1.001, s, 1.0, 0.2, 0.9, 100).engines()).isEqualTo(4);
  }

  private static double theta(int c, double rate, ServiceTimes s) {
    return (c * s.serviceRate() - rate) * 2 / (1.0 + s.scv());
  }
}

package dev.tandem.simulations.policy.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.policy.hpa.HpaArithmetic.Recommendation;
import dev.tandem.simulations.policy.hpa.HpaArithmetic.ScaleEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Named cases of the HPA arithmetic; each expected value is derived in its comment. */
class HpaArithmeticTest {

  private static final long S = 1_000_000L;
  private static final long NOW = 1_000 * S;

  record Metric(
      String name,
      int current,
      int ready,
      int unready,
      int missing,
      long sumMilli,
      long targetMilli,
      int expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Metric> metricCases() {
    return Stream.of(
        // avg 1050 / 1000 = 1.05, |1 − 1.05| ≤ 0.1 → keep 4.
        new Metric("within tolerance keeps current", 4, 4, 0, 0, 4200, 1000, 4),
        // avg 2500 → ratio 2.5 → ⌈2.5 × 2⌉ = 5.
        new Metric("scale up by ceil(ratio x ready)", 2, 2, 0, 0, 5000, 1000, 5),
        // avg 250 → ratio 0.25 → ⌈0.25 × 4⌉ = 1.
        new Metric("scale down", 4, 4, 0, 0, 1000, 1000, 1),
        // avg ⌊3301/3⌋ = 1100 → ratio 1.1, inside the tolerance (un-truncated 1.1003 would give 4).
        new Metric("average truncated to whole milli-units", 3, 3, 0, 0, 3301, 1000, 3),
        // ratio 3 with 2 unready: re-average over 3 pods, unready at 0 → ⌊3000/3⌋ = 1000 → 1.0,
        // within tolerance → keep 3.
        new Metric("unready pods damp a scale-up", 3, 1, 2, 0, 3000, 1000, 3),
        // ratio 6 → over 3 pods ⌊6000/3⌋ = 2000 → 2.0 → ⌈2 × 3⌉ = 6.
        new Metric("unready pods counted at zero", 3, 1, 2, 0, 6000, 1000, 6),
        // ratio 0.1 → scale-down: 2 missing at target: (200 + 2000)/4 = 550 → ⌈0.55 × 4⌉ = 3.
        new Metric("missing pods at target on scale-down", 4, 2, 0, 2, 200, 1000, 3),
        // ratio 4 → scale-up: 1 missing at 0: 4000/2 = 2000 → ⌈2 × 2⌉ = 4.
        new Metric("missing pods at zero on scale-up", 2, 1, 0, 1, 4000, 1000, 4),
        // ratio 1.5 → scale-up, 3 missing at 0: 1500/4 = 375 → 0.375 < 1: direction flips → keep 4.
        new Metric("direction flip keeps current", 4, 1, 0, 3, 1500, 1000, 4),
        // no pod reported: nothing to decide on.
        new Metric("no metric", 2, 0, 2, 0, 0, 1000, -1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("metricCases")
  void podsMetricReplicas(Metric c) {
    assertThat(
            HpaArithmetic.podsMetricReplicas(
                c.current(),
                c.ready(),
                c.unready(),
                c.missing(),
                c.sumMilli(),
                c.targetMilli(),
                0.1))
        .isEqualTo(c.expected());
  }

  record Stab(
      String name,
      List<Recommendation> history,
      int desired,
      int current,
      int expected,
      int historySize) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Stab> stabilizationCases() {
    return Stream.of(
        // down = max(2, 5, 3) = 5 within 300 s; up = 2 → min(max(5, 2), 5) = 5.
        new Stab(
            "scale-down held by the window's max",
            List.of(new Recommendation(5, NOW - 100 * S), new Recommendation(3, NOW - 50 * S)),
            2,
            5,
            5,
            3),
        // the only memory is 400 s old: down = 2 → 2; it is replaced, not appended.
        new Stab(
            "expired recommendation replaced",
            List.of(new Recommendation(5, NOW - 400 * S)),
            2,
            5,
            2,
            1),
        // a recommendation exactly 300 s old is not after the cut-off: down = 2 → 2.
        new Stab(
            "window edge is exclusive", List.of(new Recommendation(5, NOW - 300 * S)), 2, 5, 2, 2),
        // no up-window: up = 6, down = max(6, 2) = 6 → 6.
        new Stab(
            "scale-up is immediate", List.of(new Recommendation(2, NOW - 15 * S)), 6, 2, 6, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stabilizationCases")
  void stabilize(Stab c) {
    HpaArithmetic.Stabilized s =
        HpaArithmetic.stabilize(c.history(), NOW, c.desired(), c.current(), 0, 300 * S);
    assertThat(s.replicas()).isEqualTo(c.expected());
    assertThat(s.history()).hasSize(c.historySize());
    assertThat(s.history()).contains(new Recommendation(c.desired(), NOW));
  }

  record Rate(
      String name, List<ScaleEvent> events, int desired, int current, int max, int expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Rate> rateCases() {
    return Stream.of(
        // max(1 + 4, ⌈1 × 2⌉) = 5.
        new Rate("four pods beat doubling when small", List.of(), 100, 1, 64, 5),
        // max(10 + 4, ⌈10 × 2⌉) = 20.
        new Rate("doubling beats four pods when large", List.of(), 100, 10, 64, 20),
        // +4 ten seconds ago: period start 1 → max(5, 2) = 5 = current: no more this period.
        new Rate(
            "recent scale-up uses the period's budget",
            List.of(new ScaleEvent(4, NOW - 10 * S)),
            100,
            5,
            64,
            5),
        // +4 exactly 15 s ago falls out of the period: start 5 → max(9, 10) = 10.
        new Rate(
            "event exactly one period old is forgotten",
            List.of(new ScaleEvent(4, NOW - 15 * S)),
            100,
            5,
            64,
            10),
        // limit 80 capped by maxReplicas 64.
        new Rate("maxReplicas caps", List.of(), 100, 40, 64, 64),
        // 100 % per 15 s down: ⌊8 × 0⌋ = 0, floored at minReplicas 1.
        new Rate("scale-down floored at minReplicas", List.of(), 0, 8, 64, 1),
        // within limits: unchanged.
        new Rate("within limits", List.of(), 7, 5, 64, 7));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rateCases")
  void rateLimit(Rate c) {
    assertThat(
            HpaArithmetic.rateLimit(
                c.events(),
                NOW,
                c.desired(),
                c.current(),
                1,
                c.max(),
                HpaRules.defaultScaleUp(),
                HpaRules.defaultScaleDown()))
        .isEqualTo(c.expected());
  }

  record Value(
      String name, int current, int ready, long usageMilli, long targetMilli, int expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Value> valueCases() {
    return Stream.of(
        // KEDA Prometheus scaler, metricType Value: p90 TTFT 300 ms against 150 ms, 4 ready of 5:
        // ratio 2 → ⌈2 × 4⌉ = 8 (the ready pods, not the current count, are scaled).
        new Value("latency twice the target doubles the ready pods", 5, 4, 300_000, 150_000, 8),
        // ratio 160/150 = 1.067, inside the 0.1 tolerance: unchanged.
        new Value("within tolerance", 5, 5, 160_000, 150_000, 5),
        // ratio 60/150 = 0.4 → ⌈0.4 × 5⌉ = 2: a fast TTFT scales in.
        new Value("latency below target scales in", 5, 5, 60_000, 150_000, 2),
        // no replicas: ⌈ratio⌉ = ⌈2.5⌉ = 3.
        new Value("from zero replicas", 0, 0, 375_000, 150_000, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueCases")
  void valueMetric(Value c) {
    assertThat(
            HpaArithmetic.valueMetricReplicas(
                c.current(), c.ready(), c.usageMilli(), c.targetMilli(), 0.1))
        .isEqualTo(c.expected());
  }
}

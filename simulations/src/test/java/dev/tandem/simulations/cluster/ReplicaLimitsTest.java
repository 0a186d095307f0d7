package dev.tandem.simulations.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The quota a scenario imposes on every policy, case by case (limits: 6 per role, 8 GPUs). */
class ReplicaLimitsTest {

  static final ReplicaLimits LIMITS = new ReplicaLimits(6, 8);

  record Case(
      String name,
      int wantP,
      int wantD,
      int curP,
      int curD,
      int draining,
      int gpusPerEngine,
      int expectP,
      int expectD) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // fits: granted as asked
        new Case("within both limits", 3, 4, 2, 2, 0, 1, 3, 4),
        // each role capped at maxReplicas 6 first; 6 + 1 = 7 ≤ 8 fits
        new Case("maxReplicas caps a role", 9, 1, 2, 1, 0, 1, 6, 1),
        // never below one engine per role
        new Case("at least one engine", 0, 0, 2, 2, 0, 1, 1, 1),
        // 6 + 6 > 8: from 2/2, grants alternate P, D, P, D → 4/4
        new Case("increases alternate within the quota", 6, 6, 2, 2, 0, 1, 4, 4),
        // a decrease is always granted, and frees room for the other role: 1 + 6 = 7
        new Case("a decrease frees room", 1, 9, 5, 3, 0, 1, 1, 6),
        // draining engines still hold GPUs: room 8 − 2 − (2 + 2) = 2 more
        new Case("draining engines hold their GPUs", 6, 6, 2, 2, 2, 1, 3, 3),
        // TP2 engines: 8 GPUs = 4 engines
        new Case("GPUs per engine", 3, 3, 1, 1, 0, 2, 2, 2),
        // a warm start above the quota shrinks the larger role first: 6/5 → 4/4
        new Case("over the quota already", 6, 5, 6, 5, 0, 1, 4, 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void grants(Case c) {
    int[] got =
        LIMITS.clamp(c.wantP(), c.wantD(), c.curP(), c.curD(), c.draining(), c.gpusPerEngine());
    assertThat(got).containsExactly(c.expectP(), c.expectD());
  }

  @org.junit.jupiter.api.Test
  void limitsBelowOneEnginePerRoleAreRefused() {
    assertThatThrownBy(() -> new ReplicaLimits(0, 8)).hasMessageContaining("maxReplicas");
    assertThatThrownBy(() -> new ReplicaLimits(4, 1)).hasMessageContaining("budgetGpus");
  }
}

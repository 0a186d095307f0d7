package dev.tandem.planner.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.planner.DeploymentKey;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BudgetAllocatorTest {

  /** Capacity linear in engines: {@code perEngine} req/s each. */
  private static RoleDemand role(int gpus, int min, int need, double perEngine) {
    return new RoleDemand(gpus, min, need, n -> n * perEngine);
  }

  record Case(
      String name,
      RoleDemand prefill,
      RoleDemand decode,
      int budget,
      int expectedPrefill,
      int expectedDecode,
      Allocation.Outcome outcome) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "both needs fit",
            role(1, 1, 3, 10),
            role(1, 1, 4, 8),
            16,
            3,
            4,
            Allocation.Outcome.FITS),
        // prefill 10/engine, decode 5/engine, 9 GPUs: greedy raises the lower capacity each time:
        // (1,1) 10|5 → d2 10|10 → p2 20|10 → d3 20|15 → d4 20|20 → p3 30|20 → d5 30|25 → d6 30|30
        // = 9 GPUs, serving 30 req/s. A proportional shrink of (6, 12) to 9 GPUs gives (3, 6) → 30
        // too, but (4, 5) would serve only 25.
        new Case(
            "the bottleneck gets the engines",
            role(1, 1, 6, 10),
            role(1, 1, 12, 5),
            9,
            3,
            6,
            Allocation.Outcome.CAPPED),
        // decode engines cost 4 GPUs: (1,1) 5 GPUs, caps 10|20 → p2 6 GPUs 20|20 → p3 7 GPUs
        // 30|20 → d2 needs 11 > 10: stop with 3 GPUs of headroom left unspent for the pool
        new Case(
            "engines of different sizes",
            role(1, 1, 8, 10),
            role(4, 1, 4, 20),
            10,
            3,
            1,
            Allocation.Outcome.CAPPED),
        new Case(
            "minimums that do not fit",
            role(2, 2, 4, 10),
            role(4, 2, 3, 10),
            10,
            2,
            2,
            Allocation.Outcome.MINIMUMS_DO_NOT_FIT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void allocates(Case c) {
    Allocation a = BudgetAllocator.allocate(c.prefill(), c.decode(), c.budget());

    assertThat(List.of(a.prefill(), a.decode()))
        .containsExactly(c.expectedPrefill(), c.expectedDecode());
    assertThat(a.outcome()).isEqualTo(c.outcome());
    if (a.outcome() != Allocation.Outcome.MINIMUMS_DO_NOT_FIT) {
      assertThat(
              a.prefill() * c.prefill().gpusPerReplica() + a.decode() * c.decode().gpusPerReplica())
          .isLessThanOrEqualTo(c.budget());
    }
  }

  @Test
  void aNearTieKeepsTheCurrentSplitAndAClearGainMovesIt() {
    // the sinusoid's numbers: 4P/4D serves min(38.9, 51.7) = 38.9 req/s, 5P/3D min(48.6, 38.8) =
    // 38.8, 0.3 % less: not worth removing an engine that is starting
    RoleDemand prefill = role(1, 1, 5, 9.72);
    RoleDemand decode = role(1, 1, 5, 12.93);

    assertThat(BudgetAllocator.allocate(prefill, decode, 8))
        .extracting(Allocation::prefill, Allocation::decode)
        .containsExactly(4, 4);
    assertThat(BudgetAllocator.allocate(prefill, decode, 8, 5, 3))
        .extracting(Allocation::prefill, Allocation::decode, Allocation::servedRate)
        .containsExactly(5, 3, 3 * 12.93);
    assertThat(BudgetAllocator.allocate(prefill, decode, 8, 4, 4))
        .extracting(Allocation::prefill, Allocation::decode)
        .containsExactly(4, 4);
    // decode at 11 req/s per engine: 5P/3D serves 33 against 4P/4D's 38.9, 15 % less: it moves
    assertThat(BudgetAllocator.allocate(prefill, role(1, 1, 5, 11), 8, 5, 3))
        .extracting(Allocation::prefill, Allocation::decode)
        .containsExactly(4, 4);
  }

  @Test
  void runningDecodeEnginesThatFitAreKeptWhenTheyDoNotRaiseTheMinimum() {
    // the sinusoid's crest: the SLA asks for 5P/4D under 8 GPUs; 4P and 3D both serve 43.5 req/s,
    // so 5P/3D, 4P/3D and 4P/4D all serve 43.5. From 4P/4D nothing needs to move.
    RoleDemand prefill = role(1, 1, 5, 43.5 / 4);
    RoleDemand decode = role(1, 1, 4, 43.5 / 3);

    assertThat(BudgetAllocator.allocate(prefill, decode, 8, 4, 4))
        .extracting(Allocation::prefill, Allocation::decode, Allocation::servedRate)
        .containsExactly(4, 4, 43.5);
    // from 5P/3D the best split itself is current
    assertThat(BudgetAllocator.allocate(prefill, decode, 8, 5, 3))
        .extracting(Allocation::prefill, Allocation::decode)
        .containsExactly(5, 3);
    // more decode engines than fit beside 4 prefill: as many as fit
    assertThat(BudgetAllocator.allocate(prefill, role(1, 1, 6, 43.5 / 3), 8, 4, 6))
        .extracting(Allocation::prefill, Allocation::decode)
        .containsExactly(4, 4);
  }

  @Test
  void poolMinimumsFirstThenPriorityThenFairShares() {
    DeploymentKey high = new DeploymentKey("ns", "high");
    DeploymentKey a = new DeploymentKey("ns", "a");
    DeploymentKey b = new DeploymentKey("ns", "b");
    List<PoolAllocator.Member> members =
        List.of(
            new PoolAllocator.Member(a, 0, 2, 10),
            new PoolAllocator.Member(high, 100, 4, 12),
            new PoolAllocator.Member(b, 0, 2, 4));

    // 20 GPUs: minimums 4 + 2 + 2 = 8, then high up to 12 (+8) = 16, then 4 left shared between
    // a and b one at a time: a 4, b 4 — b reaches its demand of 4, a gets 4.
    Map<DeploymentKey, Integer> grants = PoolAllocator.grant(members, 20);

    assertThat(grants).containsEntry(high, 12).containsEntry(a, 4).containsEntry(b, 4);
    assertThat(grants.values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(20);
  }

  @Test
  void aPoolSmallerThanTheMinimumsServesHigherPriorityFirst() {
    DeploymentKey high = new DeploymentKey("ns", "high");
    DeploymentKey low = new DeploymentKey("ns", "low");

    Map<DeploymentKey, Integer> grants =
        PoolAllocator.grant(
            List.of(
                new PoolAllocator.Member(low, 0, 4, 8), new PoolAllocator.Member(high, 1, 4, 8)),
            6);

    assertThat(grants).containsEntry(high, 6).containsEntry(low, 0);
  }
}

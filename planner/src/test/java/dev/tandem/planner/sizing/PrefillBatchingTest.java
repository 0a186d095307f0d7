package dev.tandem.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.planner.Examples;
import dev.tandem.profiles.capacity.ProfileCapacity;
import org.junit.jupiter.api.Test;

/**
 * Prefill passes that pack queued prompts: the H200 profile's TTFT has a fixed cost of about 19 ms
 * per pass, so short prompts gain most from sharing it (1,200 tokens: 39.4 ms alone).
 */
class PrefillBatchingTest {

  private static final ProfileCapacity H200 = new ProfileCapacity(Examples.h200());

  private static ServiceTimes times(double isl, int budget) {
    return ServiceTimes.of(H200, new double[] {isl}, 0, 1.0, 0, budget);
  }

  @Test
  void withoutAKnownBudgetEachPassHoldsOnePrompt() {
    ServiceTimes s = times(1200, 0);
    PrefillBatching b = PrefillBatching.of(3, 70, s, 1);

    assertThat(s.largestBatch()).isEqualTo(1);
    assertThat(b.batchSize()).isEqualTo(1);
    assertThat(b.serviceRate()).isCloseTo(s.serviceRate(), within(1e-12));
    assertThat(b.coRiderSeconds()).isZero();
  }

  @Test
  void aBudgetHoldsWholePromptsOnly() {
    assertThat(times(1200, 8192).largestBatch()).isEqualTo(6);
    assertThat(times(3000, 8192).largestBatch()).isEqualTo(2);
    assertThat(times(9000, 8192).largestBatch()).isEqualTo(1);
    // a pass of 6 × 1,200 tokens costs less than 6 passes of one: the fixed cost is shared
    ServiceTimes s = times(1200, 8192);
    assertThat(s.batchTime(6)).isLessThan(6 * 0.7 * s.batchTime(1));
    assertThat(s.peakServiceRate()).isGreaterThan(1.4 * s.serviceRate());
  }

  @Test
  void lightLoadLeavesPassesSingleAndAddsNoCoRiders() {
    PrefillBatching b = PrefillBatching.of(3, 5, times(1200, 8192), 1);

    assertThat(b.batchSize()).isLessThan(1.05);
    assertThat(b.coRiderSeconds()).isLessThan(0.002);
  }

  @Test
  void aLoadBeyondSinglePassCapacityIsCarriedByLargerPasses() {
    ServiceTimes s = times(1200, 8192);
    // 80 req/s × 39.4 ms = 3.15 erlangs: three engines serving one prompt per pass cannot keep up
    assertThat(80 / s.serviceRate()).isGreaterThan(3);
    assertThat(PrefillQueue.of(3, 80, times(1200, 0), 1).stable()).isFalse();

    PrefillBatching b = PrefillBatching.of(3, 80, s, 1);
    PrefillQueue q = PrefillQueue.of(3, 80, s, 1);

    assertThat(b.batchSize()).isBetween(1.2, (double) s.largestBatch());
    assertThat(3 * b.serviceRate()).isGreaterThan(80);
    assertThat(q.stable()).isTrue();
    // a request's pass holds its batch-mates' work too
    assertThat(q.percentileSeconds(0.5)).isGreaterThan(s.batchTime(1));
    assertThat(b.coRiderSeconds())
        .isCloseTo(s.batchTime(b.batchSize()) - s.batchTime(1), within(1e-12));
  }

  @Test
  void theSizerNeedsFewerEnginesForShortPromptsWhenPassesBatch() {
    int single = PrefillSizer.size(80, times(1200, 0), 1, 0.2, 0.9, 64).engines();
    int batched = PrefillSizer.size(80, times(1200, 8192), 1, 0.2, 0.9, 64).engines();

    assertThat(batched).isLessThan(single);
    assertThat(PrefillQueue.of(batched, 80, times(1200, 8192), 1).percentileSeconds(0.9))
        .isLessThanOrEqualTo(0.2);
  }

  /** ServeGen's prompts: mean 340 tokens, cv 1.76, as twelve lognormal strata. */
  private static ServiceTimes shortVariablePrompts(int budget) {
    double mean = 340;
    double secondMoment = mean * mean * (1 + 1.76 * 1.76);
    return ServiceTimes.of(H200, LognormalStrata.points(mean, secondMoment), 0, 1.0, 0, budget);
  }

  @Test
  void batchingKeepsTheLengthSpreadButSharesTheFixedCostSoTheWorkGetsMoreVariable() {
    ServiceTimes s = shortVariablePrompts(8192);
    // one prompt per pass: the fixed ≈ 18 ms of a pass hides most of the length spread
    assertThat(s.scvAt(1)).isEqualTo(s.scv());
    assertThat(s.scv()).isLessThan(0.2);
    // four to a pass: the same spread over a quarter of the fixed cost
    double ratio = 4 * s.batchTime(1) / s.batchTime(4);
    assertThat(s.scvAt(4)).isCloseTo(s.scv() * ratio * ratio, within(1e-12));
    assertThat(s.scvAt(4)).isGreaterThan(4 * s.scv());
    assertThat(s.scvAt(8)).isGreaterThan(s.scvAt(4));
  }
}

package dev.tandem.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.planner.Examples;
import dev.tandem.profiles.capacity.DecodeBound;
import dev.tandem.profiles.capacity.ProfileCapacity;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decode on the H200 profile at context 3150 (ISL 3000 + OSL 300 / 2), between the measured
 * contexts 2997 and 5644 (weight w = 153 / 2647 = 0.057801 on 5644). The line's breakpoints are the
 * union of both curves' concurrencies (1, 27, 49, 53, …):
 *
 * <pre>
 *   f(1)  = 0.942199 × 4.427375 + 0.057801 × 4.510708  = 4.43219 ms
 *   f(27) = 0.942199 × 7.412000 + 0.057801 × 10.132152 = 7.56923 ms   (2997 interpolated at 27)
 *   f(49) = 0.942199 × 9.937452 + 0.057801 × 14.350360 = 10.19253 ms  (5644 interpolated at 49)
 * </pre>
 */
class DecodeModelTest {

  private static final ItlLines LINES = new ItlLines(new ProfileCapacity(Examples.h200()));
  private static final double CONTEXT = 3150;
  private static final double KV_BOUND = Math.floor(945029 / CONTEXT); // 300

  private static DecodeModel model(double correction, double arrivalScv) {
    return new DecodeModel(
        LINES.at(CONTEXT), 300, correction, arrivalScv, 0.9, KV_BOUND, Double.MAX_VALUE);
  }

  @Test
  void theLineAtAContextBetweenMeasuredOnes() {
    ItlLine line = LINES.at(CONTEXT);

    assertThat(line.at(1)).isCloseTo(4.43219, within(1e-4));
    assertThat(line.at(27)).isCloseTo(7.56923, within(1e-4));
    assertThat(line.at(49)).isCloseTo(10.19253, within(1e-4));
    // between 27 and 49: 27 + (10 − 7.56923) / 0.119241 = 47.386
    assertThat(line.largestWithin(10)).isCloseTo(47.386, within(1e-3));
  }

  @Test
  void littlesLawFixedPointIsSolvedExactlyOnTheSegment() {
    // λ_e = 10 req/s, OSL 300: c = 3; on [1, 27] slope 0.120655:
    // N = 3 (4.43219 − 0.120655) / (1 − 3 × 0.120655) = 20.2726
    double n = model(1, 1).meanInFlight(10);

    assertThat(n).isCloseTo(20.2726, within(1e-3));
    assertThat(n).isCloseTo(10 * 300 * LINES.at(CONTEXT).at(n) / 1000, within(1e-9));
  }

  record Case(String name, double correction, double arrivalScv, double perEngineRate) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> capacities() {
    return Stream.of(
        // N* = 47.386 (ITL bound; KV allows 300). N* = N̄ + 1 + z √(D N̄), z = 1.281552, D = 1:
        // √N̄ = (−1.281552 + √(1.642375 + 4 × 46.386)) / 2 = 6.20003, N̄ = 38.4404;
        // λ_e* = 1000 × 38.4404 / (300 × f(38.4404) = 8.9334) = 14.343 req/s
        new Case("profile right, Poisson", 1, 1, 14.343),
        // D = (1 + 4)/2 = 2.5: √N̄ = (−2.02633 + √(4.10601 + 185.5414)) / 2 = 5.87247, N̄ =
        // 34.4859,
        // f = 7.56923 + 7.4859 × 0.119241 = 8.46186, λ_e* = 34485.9 / (300 × 8.46186) = 13.585
        new Case("bursty arrivals widen the batch distribution", 1, 4, 13.585),
        // k = 1.3: N* where f ≤ 10/1.3 = 7.69231 → 27 + (7.69231 − 7.56923)/0.119241 = 28.0322;
        // √N̄ = (−1.281552 + √(1.642375 + 108.1287)) / 2 = 4.59781, N̄ = 21.1398,
        // f(21.1398) = 4.43219 + 20.1398 × 0.120655 = 6.86217,
        // λ_e* = 21139.8 / (300 × 1.3 × 6.86217) = 7.899
        new Case("engines 30% slower than profiled", 1.3, 1, 7.899));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capacities")
  void perEngineCapacityAtTheItlPercentile(Case c) {
    DecodeModel m = model(c.correction(), c.arrivalScv());

    assertThat(m.largestBatch(10).bound()).isEqualTo(DecodeBound.ITL_TARGET);
    assertThat(m.capacity(10)).isCloseTo(c.perEngineRate(), within(2e-3));
    // at exactly that rate the predicted percentile is the target
    assertThat(m.itlPercentileMillis(m.capacity(10))).isCloseTo(10, within(1e-6));
  }

  @Test
  void twentyRequestsPerSecondNeedTwoEnginesAtSevenPointSixMilliseconds() {
    DecodeModel m = model(1, 1);

    DecodeSizing sizing = DecodeSizer.size(20, m, 10, 12);

    assertThat(sizing.engines()).isEqualTo(2); // ⌈20 / 14.343⌉
    // N̄ = 20.2726, N_q = 21.2726 + 1.281552 × √20.2726 = 27.0428, f = 7.5743
    assertThat(m.itlPercentileMillis(10)).isCloseTo(7.5743, within(1e-3));
  }

  @Test
  void theKvCapacityBoundsLongContexts() {
    // context 13585: KV holds ⌊945029 / 13585⌋ = 69 sequences; a 40 ms target would allow more
    DecodeModel m =
        new DecodeModel(
            LINES.at(13585), 300, 1, 1, 0.9, Math.floor(945029 / 13585.0), Double.MAX_VALUE);

    assertThat(m.largestBatch(40).bound()).isEqualTo(DecodeBound.KV_CAPACITY);
    assertThat(m.largestBatch(40).sequences()).isEqualTo(69);
  }

  @Test
  void anOverloadedEngineHasNoFixedPoint() {
    // beyond the line's last segment every sequence slows the batch more than it adds
    assertThat(model(1, 1).meanInFlight(1_000)).isInfinite();
    assertThat(model(1, 1).itlPercentileMillis(1_000)).isInfinite();
  }
}

package dev.tandem.simulations.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Frontiers of small synthetic run sets: which points survive, and reading costs off them. */
class FrontierTest {

  // Cost rises with attainment along a, b, d; c costs as much as b for less (dominated); e costs
  // more than d for no more (dominated); f is cheapest but worst.
  static final List<FrontierPoint> RUNS =
      List.of(
          new FrontierPoint("a", 4.0, 0.50),
          new FrontierPoint("b", 6.0, 0.80),
          new FrontierPoint("c", 6.0, 0.70),
          new FrontierPoint("d", 10.0, 0.95),
          new FrontierPoint("e", 12.0, 0.95),
          new FrontierPoint("f", 2.0, 0.10));

  @Test
  void dominatedRunsAreDroppedAndTheRestSortedByCost() {
    Frontier f = Frontier.of("static", RUNS);
    assertThat(f.points()).extracting(FrontierPoint::label).containsExactly("f", "a", "b", "d");
    assertThat(f.allRuns()).hasSize(6);
    assertThat(f.bestAttainment()).isEqualTo(0.95);
  }

  record Read(String name, double attainment, double expectedGpuHours) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Read> reads() {
    return Stream.of(
        // at or below the cheapest point: its cost
        new Read("below every point", 0.05, 2.0),
        new Read("exactly the cheapest point", 0.10, 2.0),
        // between a (0.50, 4) and b (0.80, 6): 4 + (0.65 − 0.50)/(0.30) × 2 = 5
        new Read("halfway between a and b", 0.65, 5.0),
        new Read("exactly b", 0.80, 6.0),
        // between b (0.80, 6) and d (0.95, 10): 6 + (0.90 − 0.80)/0.15 × 4 = 8.6667
        new Read("two thirds from b to d", 0.90, 6.0 + 4.0 * (0.10 / 0.15)),
        new Read("the best point", 0.95, 10.0),
        new Read("beyond the best point: not reached", 0.99, Double.NaN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reads")
  void gpuHoursAtAnAttainmentAreInterpolated(Read r) {
    double got = Frontier.of("static", RUNS).gpuHoursAt(r.attainment());
    if (Double.isNaN(r.expectedGpuHours())) {
      assertThat(got).isNaN();
    } else {
      assertThat(got).isCloseTo(r.expectedGpuHours(), within(1e-9));
    }
  }

  @Test
  void aComparisonIsThePolicysCostOverTheFrontiersCost() {
    Frontier f = Frontier.of("static", RUNS);
    // At 0.65 the frontier needs 5 GPU-h; a policy spending 4 is at 0.8×.
    FrontierComparison c = FrontierComparison.of("tandem", 0.65, 4.0, f);
    assertThat(c.frontierGpuHours()).isCloseTo(5.0, within(1e-9));
    assertThat(c.ratio()).isCloseTo(0.8, within(1e-9));
    assertThat(FrontierComparison.of("tandem", 0.99, 4.0, f).ratio()).isNaN();
  }

  @Test
  void anEmptyFrontierAnswersNaN() {
    assertThat(Frontier.of("hpa", List.of()).gpuHoursAt(0.5)).isNaN();
  }

  @Test
  void equalCostKeepsOnlyTheBetterRun() {
    Frontier f =
        Frontier.of("x", List.of(new FrontierPoint("lo", 3, 0.4), new FrontierPoint("hi", 3, 0.6)));
    assertThat(f.points()).extracting(FrontierPoint::label).containsExactly("hi");
  }
}

package dev.tandem.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErlangCTest {

  record Case(String name, int servers, double offered, double expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // M/M/1: C = ρ
        new Case("one server waits with probability rho", 1, 0.7, 0.7),
        // M/M/2 at ρ = 0.5: C = 2ρ²/(1+ρ) = 0.5/1.5
        new Case("two servers at half load", 2, 1.0, 1.0 / 3),
        // B(1) = a/(1+a) = 0.550562; B(2) = a·B1/(2 + a·B1) = 0.252232;
        // C = B2 / (1 − ρ(1 − B2)) = 0.252232 / (1 − 0.6125·0.747768) = 0.465285
        new Case("the worked example: 2 engines, 20 req/s at 61.25 ms", 2, 1.2249599, 0.465285),
        // ρ ≥ 1: every arrival waits
        new Case("overloaded", 3, 3.5, 1.0),
        // a large pool: the recursion needs no factorials (value from the same recursion in
        // double precision, cross-checked in Python)
        new Case("a thousand servers at 95%", 1000, 950, 0.068253));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void waitProbability(Case c) {
    double tolerance = 1e-5;
    assertThat(ErlangC.waitProbability(c.servers(), c.offered()))
        .isCloseTo(c.expected(), within(tolerance));
  }
}

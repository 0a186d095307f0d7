package dev.tandem.planner.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** The fast erfc the strata use agrees with commons-math's to its stated 1.2 × 10⁻⁷. */
class ErfcTest {

  @Test
  void agreesWithCommonsMathWithinItsFractionalError() {
    for (double x = -6; x <= 6; x += 0.01) {
      double exact = Erf.erfc(x);
      assertThat(Math.abs(LognormalStrata.erfc(x) - exact) / exact)
          .as("erfc(%s)", x)
          .isLessThan(1.3e-7);
    }
  }
}

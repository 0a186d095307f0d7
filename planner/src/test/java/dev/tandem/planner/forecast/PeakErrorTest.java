package dev.tandem.planner.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recent error of the forecast peak: what the scale-down window trusts. */
class PeakErrorTest {

  private static final int H = 4;

  @Test
  void aForecastThatNamesEveryPeakHasNoError() {
    Map<String, Double> v = new HashMap<>();
    // the rate climbs 1 req/s per visit; the peak of the next 4 visits is t + 4
    for (int t = 0; t < 40; t++) {
      PeakError.observe(v, t, t + H, H);
    }
    assertThat(PeakError.relativeRms(v, H)).isCloseTo(0, within(1e-12));
  }

  @Test
  void aPeakForecast20PercentLowIsOff25PercentOfWhatItSaid() {
    Map<String, Double> v = new HashMap<>();
    for (int t = 0; t < 60; t++) {
      PeakError.observe(v, 50, 40, H);
    }
    // (50 − 40) / 40
    assertThat(PeakError.relativeRms(v, H)).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void unknownUntilEnoughPeaksResolvedAndMissingRatesResolveNothing() {
    Map<String, Double> v = new HashMap<>();
    for (int t = 0; t < H + PeakError.MIN_RESOLVED - 1; t++) {
      PeakError.observe(v, 10, 10, H);
      PeakError.observe(v, Double.NaN, 10, H);
    }
    assertThat(PeakError.relativeRms(v, H)).isNaN();
    PeakError.observe(v, 10, 10, H);
    assertThat(PeakError.relativeRms(v, H)).isZero();
  }

  @Test
  void oldErrorsFadeSoThatALearnedSwingIsTrustedWithinMinutes() {
    Map<String, Double> v = new HashMap<>();
    for (int t = 0; t < 20; t++) {
      PeakError.observe(v, 20, 10, H); // off by 100 %
    }
    assertThat(PeakError.relativeRms(v, H)).isCloseTo(1.0, within(1e-9));
    for (int t = 0; t < 48; t++) {
      PeakError.observe(v, 10, 10, H);
    }
    // (15/16)^48 of the squared error is left: ρ = √0.045 ≈ 0.21
    assertThat(PeakError.relativeRms(v, H)).isBetween(0.15, 0.25);
  }
}

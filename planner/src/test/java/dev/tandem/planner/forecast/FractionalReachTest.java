package dev.tandem.planner.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.forecasting.Forecast;
import org.junit.jupiter.api.Test;

/** The selector's point peak over a reach that is not a whole number of ticks. */
class FractionalReachTest {

  /** A rising forecast 10, 20, …, 80 req/s over 8 ticks. */
  private static final Forecast RISING =
      new Forecast(
          new double[] {10, 20, 30, 40, 50, 60, 70, 80},
          new double[0],
          new double[0][],
          new double[0][],
          50,
          "test");

  @Test
  void aPartTickIsInterpolatedNotRoundedUp() {
    // 4.17 ticks: the fourth tick's 40 plus a sixth of the way to the fifth's 50
    assertThat(SelectorLoadForecaster.pointPeak(RISING, 4 + 1.0 / 6, 5))
        .isCloseTo(40 + 10.0 / 6, within(1e-9));
    assertThat(SelectorLoadForecaster.pointPeak(RISING, 4, 4)).isEqualTo(40);
  }

  @Test
  void theReachIsCappedAtTheSeriesHorizon() {
    assertThat(SelectorLoadForecaster.pointPeak(RISING, 9.5, 8)).isEqualTo(80);
    assertThat(SelectorLoadForecaster.pointPeak(RISING, 6.5, 6)).isEqualTo(60);
  }

  @Test
  void aFallingForecastKeepsTheEarlierPeak() {
    Forecast falling =
        new Forecast(
            new double[] {50, 40, 30, 20},
            new double[0],
            new double[0][],
            new double[0][],
            50,
            "t");
    assertThat(SelectorLoadForecaster.pointPeak(falling, 2.5, 3)).isEqualTo(50);
    // less than one tick still takes the first
    assertThat(SelectorLoadForecaster.pointPeak(falling, 0.4, 3)).isEqualTo(50);
  }
}

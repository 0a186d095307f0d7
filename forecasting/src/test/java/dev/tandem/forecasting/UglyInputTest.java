package dev.tandem.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cold start, a single point, all zeros, NaN and long gaps, for every kind. */
class UglyInputTest {

  static final ForecastSettings SETTINGS = SyntheticSeriesTest.TEN_MINUTES;

  static Stream<String> kinds() {
    return Forecasters.KINDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void coldStartIsNaNAndASinglePointIsItsOwnForecast(String kind) {
    Forecaster f = Forecasters.create(kind, SETTINGS);
    assertThat(f.forecast(3, 0.9).pointAt(1)).isNaN();

    f.update(42);
    Forecast one = f.forecast(3, 0.5, 0.9);

    assertThat(one.point()).containsOnly(42.0);
    assertThat(one.quantile(0.9, 3)).isEqualTo(42.0);
    assertThat(one.peakQuantile(0.9)).isEqualTo(42.0);
    assertThat(one.calibrationSize()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void allZerosForecastZero(String kind) {
    Forecaster f = Forecasters.create(kind, SETTINGS);
    for (int t = 0; t < 400; t++) {
      f.update(0);
    }
    Forecast z = f.forecast(3, 0.1, 0.9);

    for (int h = 1; h <= 3; h++) {
      assertThat(z.pointAt(h)).isCloseTo(0, within(1e-9));
      assertThat(z.quantile(0.9, h)).isCloseTo(0, within(1e-9));
      assertThat(z.quantile(0.1, h)).isCloseTo(0, within(1e-9));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void nanInfinityAndLongGapsAreMissingNotZero(String kind) {
    Forecaster f = Forecasters.create(kind, SETTINGS);
    for (int t = 0; t < 300; t++) {
      f.update(t % 7 == 3 ? Double.NaN : 100);
    }
    for (int t = 0; t < 90; t++) {
      f.update(Double.NaN);
    }
    f.update(Double.POSITIVE_INFINITY);
    Forecast afterGap = f.forecast(3, 0.9);

    assertThat(afterGap.pointAt(1)).isCloseTo(100, within(1.0));
    for (int t = 0; t < 40; t++) {
      f.update(100);
    }
    assertThat(f.forecast(3, 0.9).pointAt(3)).isCloseTo(100, within(1.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void badArgumentsAreRejectedWithTheAllowedRange(String kind) {
    Forecaster f = Forecasters.create(kind, SETTINGS);
    f.update(1);

    assertThatThrownBy(() -> f.forecast(4, 0.9)).hasMessage("horizon must be in [1, 3], got 4");
    assertThatThrownBy(() -> f.forecast(1, 1.0))
        .hasMessage("quantile levels must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> f.forecast(1, 0.9).quantile(0.95, 1))
        .hasMessage("level 0.95 was not requested; levels are [0.9]");
  }
}

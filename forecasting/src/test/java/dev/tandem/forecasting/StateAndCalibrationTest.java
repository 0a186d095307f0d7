package dev.tandem.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StateAndCalibrationTest {

  static final ForecastSettings SETTINGS = SyntheticSeriesTest.TEN_MINUTES;

  /** A daily sine with Gaussian noise (σ = 10) and a few gaps; seeded. */
  static double[] noisySeries(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      double u1 = rng.nextDouble();
      double u2 = rng.nextDouble();
      double noise = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
      y[t] = t % 97 == 50 ? Double.NaN : 200 + 60 * Math.sin(2 * Math.PI * t / 144) + 10 * noise;
    }
    return y;
  }

  static Stream<String> kinds() {
    return Forecasters.KINDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aRestoredStateContinuesExactlyLikeTheOriginal(String kind) throws Exception {
    double[] y = noisySeries(700, 3);
    Forecaster original = Forecasters.create(kind, SETTINGS);
    for (int t = 0; t < 600; t++) {
      original.update(y[t]);
    }

    ForecasterState state = roundTrip(original.state());
    Forecaster restored = Forecasters.restore(state);

    assertThat(state).isEqualTo(original.state());
    for (int t = 600; t < 700; t++) {
      original.update(y[t]);
      restored.update(y[t]);
      assertThat(restored.forecast(3, 0.5, 0.9)).isEqualTo(original.forecast(3, 0.5, 0.9));
    }
  }

  private static ForecasterState roundTrip(ForecasterState state) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(state);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ForecasterState) in.readObject();
    }
  }

  @Test
  void theP90OfThePeakCoversAboutNinetyPercentOnStationaryNoise() {
    double[] y = noisySeries(3000, 11);
    Forecaster f = Forecasters.create("selector", SETTINGS);
    int covered = 0;
    int scored = 0;
    for (int t = 0; t < y.length - 3; t++) {
      f.update(y[t]);
      if (t < 500 || Double.isNaN(y[t + 1]) || Double.isNaN(y[t + 2]) || Double.isNaN(y[t + 3])) {
        continue;
      }
      double peak = Math.max(y[t + 1], Math.max(y[t + 2], y[t + 3]));
      scored++;
      if (peak <= f.forecast(3, 0.9).peakQuantile(0.9)) {
        covered++;
      }
    }
    // binomial sd at n ≈ 2400 is 0.6 %; the adaptive level keeps long-run coverage at 90 %
    assertThat((double) covered / scored).isBetween(0.87, 0.93);
  }

  @Test
  void stateOfAnotherVersionIsRefused() {
    ForecasterState old = new ForecasterState(0, "ewma", SETTINGS, Map.of());

    assertThatThrownBy(() -> Forecasters.restore(old))
        .hasMessage("forecaster state version 0 is not supported (expected 2)");
  }

  @Test
  void unknownKindsAndBadSettingsNameTheProblem() {
    assertThatThrownBy(() -> Forecasters.create("prophet", SETTINGS))
        .hasMessageStartingWith("unknown forecaster kind 'prophet'; known: [last-value,");
    assertThatThrownBy(() -> new ForecastSettings(0, 3, 300, 144, 2016, 600, 0, 1))
        .hasMessage("stepSeconds must be > 0, got 0.0");
  }
}

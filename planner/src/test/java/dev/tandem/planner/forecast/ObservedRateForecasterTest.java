package dev.tandem.planner.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObservedRateForecasterTest {

  private static final DeploymentKey KEY = new DeploymentKey("ns", "d");
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private final ObservedRateForecaster forecaster = new ObservedRateForecaster();

  private static MetricsSnapshot snapshot(Instant at, double rate, double cv2) {
    return MetricsSnapshot.builder(KEY, at)
        .arrivalRate(rate)
        .arrivalCv2(cv2)
        .inputTokens(3000, 3000.0 * 3000)
        .outputTokens(300, 300.0 * 300)
        .build();
  }

  @Test
  void peakQuantileOverTheHorizon() {
    MetricsSnapshot s = snapshot(T0, 20, 1);
    ForecastState state = forecaster.observe(KEY, ForecastState.empty(), s);

    // H = 150 s, w = 60 s: k = 3 windows; z = Φ⁻¹(0.9^(1/3)) = Φ⁻¹(0.965489) = 1.8183;
    // peak = 20 + 1.8183 × √(20 × 1 / 60) = 20 + 1.0498 = 21.050
    LoadForecast f = forecaster.forecast(KEY, state, s, Duration.ofSeconds(150), 0.9);

    assertThat(f.peakRate()).isCloseTo(21.050, within(2e-3));
    assertThat(f.meanRate()).isEqualTo(20);
    assertThat(f.healthy()).isTrue();
    assertThat(f.reason()).contains("P90 of the peak of 3 60s windows");
  }

  @Test
  void burstinessWidensThePeak() {
    MetricsSnapshot s = snapshot(T0, 20, 4);
    ForecastState state = forecaster.observe(KEY, ForecastState.empty(), s);

    // same, c² = 4: 20 + 1.8183 × √(80 / 60) = 22.100
    assertThat(forecaster.forecast(KEY, state, s, Duration.ofSeconds(150), 0.9).peakRate())
        .isCloseTo(22.100, within(2e-3));
  }

  @Test
  void aFallIsFollowedAtTheLevelsPace() {
    ForecastState state = forecaster.observe(KEY, ForecastState.empty(), snapshot(T0, 20, 1));
    MetricsSnapshot later = snapshot(T0.plusSeconds(120), 0, 1);
    state = forecaster.observe(KEY, state, later);

    // α = 1 − e^(−120/120) = 0.63212: level = 20 × 0.36788 = 7.3576; base = max(0, 7.3576)
    LoadForecast f = forecaster.forecast(KEY, state, later, Duration.ofSeconds(150), 0.9);
    assertThat(f.meanRate()).isCloseTo(7.3576, within(1e-3));
  }

  @Test
  void aMissingRateIsNotZeroLoad() {
    ForecastState state = forecaster.observe(KEY, ForecastState.empty(), snapshot(T0, 20, 1));
    MetricsSnapshot broken =
        MetricsSnapshot.builder(KEY, T0.plusSeconds(30))
            .arrivalRate(Signal.missing(Duration.ofMinutes(1)))
            .inputTokens(3000, 3000.0 * 3000)
            .outputTokens(300, 300.0 * 300)
            .build();

    assertThat(forecaster.observe(KEY, state, broken)).isEqualTo(state);
    LoadForecast f = forecaster.forecast(KEY, state, broken, Duration.ofSeconds(150), 0.9);
    assertThat(f.healthy()).isFalse();
    assertThat(f.meanRate()).isEqualTo(20);
  }
}

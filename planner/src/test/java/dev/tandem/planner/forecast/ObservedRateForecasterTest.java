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

  @Test
  void aRampIsProjectedFromTheMiddleOfTheRatesWindowAtItsOwnSlope() {
    // r(t) = 10 + 0.1 t req/s; a 60 s window's mean rate read at t is r(t − 30)
    ForecastState state = ForecastState.empty();
    MetricsSnapshot last = null;
    for (int t = 30; t <= 240; t += 30) {
      last = snapshot(T0.plusSeconds(t), 10 + 0.1 * (t - 30), 1);
      state = forecaster.observe(KEY, state, last);
    }

    // the last 4 minutes' slope is 0.1 req/s per s, projected from the window's middle (t = 210)
    // over H = 90 s: 31 + 0.1 × (90 + 30) = 43 = r(330); 2 windows: z = Φ⁻¹(√0.9) = 1.63222,
    // peak = 43 + 1.63222 × √(43 / 60) = 44.3818. Holt's smoothed trend (τ 2 min) had reached
    // only a fraction of the slope by now.
    LoadForecast f = forecaster.forecast(KEY, state, last, Duration.ofSeconds(90), 0.9);
    assertThat(f.peakRate()).isCloseTo(44.3818, within(1e-3));
    assertThat(f.reason()).contains("rising 6.0 req/s per min over the last 4 min");
  }

  @Test
  void aReadingsAgeIsProjectedToo() {
    // the same ramp read 30 s late (a 30 s scrape): the window read at t ends at t − 30, so its
    // mean is r(t − 60)
    ForecastState state = ForecastState.empty();
    MetricsSnapshot last = null;
    for (int t = 30; t <= 240; t += 30) {
      last =
          MetricsSnapshot.builder(KEY, T0.plusSeconds(t))
              .arrivalRate(10 + 0.1 * (t - 60))
              .arrivalCv2(1)
              .inputTokens(3000, 3000.0 * 3000)
              .outputTokens(300, 300.0 * 300)
              .dataAge(Duration.ofSeconds(30))
              .build();
      state = forecaster.observe(KEY, state, last);
    }
    // 28 + 0.1 × (90 + 30 + 30) = 43 = r(330) again: the age is projected at the same slope;
    // without it the forecast would be 40, three seconds of ramp short per ten
    LoadForecast f = forecaster.forecast(KEY, state, last, Duration.ofSeconds(90), 0.9);
    assertThat(f.peakRate()).isCloseTo(44.3818, within(1e-3));
  }

  @Test
  void twoReadingsAreTooFewForASlope() {
    ForecastState state = forecaster.observe(KEY, ForecastState.empty(), snapshot(T0, 10, 1));
    MetricsSnapshot second = snapshot(T0.plusSeconds(30), 13, 1);
    state = forecaster.observe(KEY, state, second);

    assertThat(RecentSlope.slope(state.values(), second.at().toEpochMilli())).isNaN();
    assertThat(forecaster.forecast(KEY, state, second, Duration.ofSeconds(90), 0.9).reason())
        .contains("(Holt, τ 120s)");
  }

  @Test
  void readingsOlderThanTheRangeDoNotBendTheSlope() {
    // a flat 20 req/s for 4 minutes after an old burst of 80: only the flat part is in range
    ForecastState state = forecaster.observe(KEY, ForecastState.empty(), snapshot(T0, 80, 1));
    MetricsSnapshot last = null;
    for (int t = 30; t <= 300; t += 30) {
      last = snapshot(T0.plusSeconds(t), 20, 1);
      state = forecaster.observe(KEY, state, last);
    }
    assertThat(RecentSlope.slope(state.values(), last.at().toEpochMilli()))
        .isCloseTo(0, within(1e-12));
  }

  @Test
  void aBurstyFlatLoadIsNotProjectedUpwards() {
    // readings alternating 10 and 40 req/s fit a slope of +2.86 req/s per minute (Sxy 1800, Sxx
    // 37800 s²), but its standard error is 5.2 per minute: no trend beyond the scatter
    ForecastState state = ForecastState.empty();
    MetricsSnapshot last = null;
    for (int t = 30; t <= 240; t += 30) {
      last = snapshot(T0.plusSeconds(t), t % 60 == 0 ? 40 : 10, 1);
      state = forecaster.observe(KEY, state, last);
    }

    assertThat(RecentSlope.slope(state.values(), last.at().toEpochMilli())).isNegative();
    assertThat(forecaster.forecast(KEY, state, last, Duration.ofSeconds(90), 0.9).reason())
        .contains("rising 0.0 req/s per min over the last 4 min");
  }
}

package dev.tandem.planner.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.policy.Role;
import dev.tandem.forecasting.ForecastSettings;
import dev.tandem.forecasting.Forecaster;
import dev.tandem.forecasting.Forecasters;
import dev.tandem.planner.forecast.ForecastState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryCodecTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void writesAndReadsBackExactly() {
    RoleHistory prefill =
        RoleHistory.empty()
            .decided(T0, 3, Duration.ofMinutes(5))
            .decided(T0.plusSeconds(30), 4, Duration.ofMinutes(5))
            .scaledDown(T0.minusSeconds(3000))
            .scaledUp()
            .scaledDown(T0.minusSeconds(60))
            .withCorrection(1.2345678901234567, 7, 0.012345678901234567);
    ScalingHistory history =
        ScalingHistory.empty()
            .with(Role.PREFILL, prefill)
            .with(Role.DECODE, RoleHistory.empty().withCorrection(0.5, 1))
            .withForecast(
                ForecastState.of(
                    "observed-ewma", Map.of("level", 12.345, "atEpochMillis", 1.7e12)));

    String text = HistoryCodec.write(history);

    assertThat(text)
        .startsWith(
            "tandem-scaling-history v1\nrole prefill correction=1.2345678901234567 samples=7"
                + " spread=0.012345678901234567");
    assertThat(text).contains("\ndown prefill 2024-12-31T23:59:00Z\n");
    assertThat(HistoryCodec.read(text)).isEqualTo(history);
    assertThat(HistoryCodec.read(text).prefill().scaleDownsWithinHour(T0)).hasSize(2);
    // an hour later the first has left the hour
    assertThat(HistoryCodec.read(text).prefill().scaleDownsWithinHour(T0.plusSeconds(700)))
        .containsExactly(T0.minusSeconds(60));
    assertThat(HistoryCodec.read(HistoryCodec.write(ScalingHistory.empty())))
        .isEqualTo(ScalingHistory.empty());
  }

  @Test
  void theSettledCapacityRoundTripsAndAnOlderTextReadsAsUnknown() {
    RoleHistory settled =
        RoleHistory.empty()
            .visited(T0, 3, true, Duration.ofMinutes(1))
            .visited(T0.plusSeconds(30), 5, false, Duration.ofMinutes(1));
    RoleHistory inTransition =
        RoleHistory.empty()
            .visited(T0, 4, false, Duration.ofMinutes(1))
            .visited(T0.plusSeconds(30), 4, true, Duration.ofMinutes(1));
    ScalingHistory history =
        ScalingHistory.empty().with(Role.PREFILL, settled).with(Role.DECODE, inTransition);

    String text = HistoryCodec.write(history);

    assertThat(text).contains(" ready=5 settled=2025-01-01T00:00:30Z\n");
    assertThat(text).contains(" ready=4 settled=-\n");
    assertThat(HistoryCodec.read(text)).isEqualTo(history);
    RoleHistory old =
        HistoryCodec.read(
                "tandem-scaling-history v1\nrole prefill correction=1.1 samples=3 last=-\n")
            .prefill();
    assertThat(old.settledReady()).isEqualTo(RoleHistory.UNKNOWN_READY);
    assertThat(old.settledSince()).isEmpty();
    assertThat(old.correction()).isEqualTo(1.1);
  }

  @Test
  void aForecasterCheckpointWithNaNTicksRoundTrips() {
    Forecaster f =
        Forecasters.create(
            "ewma", ForecastSettings.defaults(15, 6).withSeed(-7).withPhaseSeconds(9));
    for (int i = 0; i < 40; i++) {
      f.update(i % 7 == 3 ? Double.NaN : 10 + i % 5);
    }
    ForecastState state =
        ForecastState.of(
            "forecasting-ewma",
            Map.of("rate.tick", 39.0, "rate.pending.00000", Double.NaN),
            Optional.of(f.state()));
    ScalingHistory history = ScalingHistory.empty().withForecast(state);

    String text = HistoryCodec.write(history);

    assertThat(text).contains("\ncheckpoint ewma version=2 stepSeconds=15.0 maxHorizon=6 ");
    assertThat(text).contains("seed=-7\narray meta 40.0\n");
    assertThat(HistoryCodec.read(text)).isEqualTo(history);
    assertThatThrownBy(() -> HistoryCodec.read("tandem-scaling-history v1\narray x 1.0\n"))
        .hasMessageContaining("line 2: 'array' before any 'checkpoint'");
  }

  @Test
  void badTextNamesTheLine() {
    assertThatThrownBy(() -> HistoryCodec.read("nope"))
        .hasMessageContaining("line 1: expected 'tandem-scaling-history v1'");
    assertThatThrownBy(
            () -> HistoryCodec.read("tandem-scaling-history v1\nrec prefill yesterday 3\n"))
        .hasMessageStartingWith("line 2: bad instant");
  }

  @Test
  void aDescentInStepsIsOneScaleDownAndItsStateRoundTrips() {
    RoleHistory descent =
        RoleHistory.empty()
            .scaledDown(T0)
            .scaledDown(T0.plusSeconds(30))
            .scaledDown(T0.plusSeconds(60));
    assertThat(descent.scaleDownsWithinHour(T0.plusSeconds(60))).containsExactly(T0);
    assertThat(descent.descending()).isTrue();

    // down, up, down: flapping counts every turn
    RoleHistory flap = descent.scaledUp().scaledDown(T0.plusSeconds(90));
    assertThat(flap.scaleDownsWithinHour(T0.plusSeconds(90)))
        .containsExactly(T0, T0.plusSeconds(90));

    ScalingHistory history = ScalingHistory.empty().with(Role.DECODE, descent);
    String text = HistoryCodec.write(history);
    assertThat(text).contains("descending=true");
    assertThat(HistoryCodec.read(text)).isEqualTo(history);
    assertThatThrownBy(
            () ->
                HistoryCodec.read(
                    "tandem-scaling-history v1\nrole decode correction=1 samples=0 last=-"
                        + " descending=maybe\n"))
        .hasMessage("line 2: descending= must be true or false, got 'maybe'");
  }

  @Test
  void theWindowKeepsOneRecommendationBeforeItsStart() {
    RoleHistory h = RoleHistory.empty();
    for (int s = 0; s <= 600; s += 60) {
      h = h.decided(T0.plusSeconds(s), s / 60, Duration.ofMinutes(5));
    }
    // at 600 s the window starts at 300 s: 300 s (at its start) and 360..600 s are kept
    assertThat(h.recommendations())
        .extracting(Recommendation::replicas)
        .containsExactly(5, 6, 7, 8, 9, 10);
  }

  @Test
  void aHistoryWrittenWithoutTheSpreadReadsAsNoDisagreementSeen() {
    String text =
        "tandem-scaling-history v1\n"
            + "role prefill correction=1.25 samples=4 last=- ready=-1 settled=-\n"
            + "role decode correction=1.0 samples=0 last=- ready=-1 settled=-\n"
            + "role router correction=1.0 samples=0 last=- ready=-1 settled=-\n"
            + "forecast none\n";

    RoleHistory prefill = HistoryCodec.read(text).prefill();

    assertThat(prefill.correction()).isEqualTo(1.25);
    assertThat(prefill.correctionSpread()).isZero();
  }
}

package dev.tandem.planner.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.config.policy.ForecastModel;
import dev.tandem.forecasting.Forecasters;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.Examples;
import dev.tandem.planner.history.HistoryCodec;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Scenarios over ticks of the Grove example policy (prefill every 30 s, start-up 2 min: the series
 * ticks every 30 s and the prefill role looks ⌈(150 s + 30 s) / 30 s⌉ = 6 ticks ahead, decode 7).
 */
class SelectorLoadForecasterTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration PREFILL_HORIZON = Duration.ofSeconds(150);
  private static final Duration TICK = Duration.ofSeconds(30);

  private final Deployment deployment = Examples.groveDeployment();
  private final DeploymentKey key = deployment.key();

  /** Drives one forecaster tick by tick, keeping the state as the loop would. */
  private final class Driver {
    final SelectorLoadForecaster forecaster;
    ForecastState state = ForecastState.empty();
    int tick;

    Driver() {
      this(SelectorLoadForecaster.forDeployments(List.of(deployment)));
    }

    Driver(SelectorLoadForecaster forecaster) {
      this.forecaster = forecaster;
    }

    LoadForecast step(MetricsSnapshot.Builder b) {
      tick++;
      MetricsSnapshot s = b.build();
      state = forecaster.observe(key, state, s);
      return forecaster.forecast(key, state, s, PREFILL_HORIZON, 0.9);
    }

    LoadForecast rate(double rate) {
      return step(snapshot(now()).arrivalRate(rate));
    }

    LoadForecast missingRate() {
      return step(snapshot(now()).arrivalRate(Signal.missing(Duration.ofMinutes(1))));
    }

    Instant now() {
      return T0.plus(TICK.multipliedBy(tick + 1));
    }
  }

  private MetricsSnapshot.Builder snapshot(Instant at) {
    return MetricsSnapshot.builder(key, at)
        .inputTokens(3000, 9e6)
        .outputTokens(300, 9e4)
        .arrivalCv2(1);
  }

  /** Poisson-like noise of a one-minute window's rate: ±√(λ/60). */
  private static double noisy(SplittableRandom r, double rate) {
    return Math.max(0, rate + Math.sqrt(rate / 60) * (r.nextDouble() * 2 - 1) * 1.7);
  }

  @Test
  void aColdStartUsesTheObservedRateFallbackUntilCalibrated() {
    Driver d = new Driver();
    LoadForecast first = d.rate(20);
    assertThat(first.reason()).startsWith("cold start (selector has 0 of 46");
    assertThat(first.peakRate()).isGreaterThanOrEqualTo(20);
    SplittableRandom r = new SplittableRandom(1);
    LoadForecast f = first;
    for (int i = 0; i < 80; i++) {
      f = d.rate(noisy(r, 20));
    }
    assertThat(f.reason()).startsWith("selector on 30s ticks");
    // P90 of the peak of 5 noisy windows around 20 req/s: above the level, not far above
    assertThat(f.peakRate()).isBetween(20.0, 26.0);
    assertThat(f.inputTokensMean()).isEqualTo(3000);
    assertThat(f.healthy()).isTrue();
  }

  @Test
  void aStepUpIsFollowedWithinThreeTicks() {
    Driver d = new Driver();
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 80; i++) {
      d.rate(noisy(r, 10));
    }
    List<Double> after = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      after.add(d.rate(noisy(r, 30)).peakRate());
    }
    // the last value model scores well on a step; by the third tick the P90 peak is near 30
    assertThat(after.get(2)).isGreaterThanOrEqualTo(27);
    assertThat(after.get(0)).isGreaterThan(10);
  }

  @Test
  void readingsAreForecastHalfARateWindowBeyondTheHorizon() {
    Driver d = new Driver();
    LoadForecast f = null;
    // a steady ramp of one-minute readings, 0.5 req/s more every 30 s tick
    for (int i = 0; i < 120; i++) {
      f = d.rate(10 + 0.5 * i);
    }
    double last = 10 + 0.5 * 119;
    // the 150 s horizon is 5 ticks; the reading at its end reports the rate 30 s earlier, so the
    // forecast looks one tick further: the rate at the horizon's end is the reading 6 ticks ahead
    assertThat(f.reason()).contains("over the next 6 ticks (150s and half the 60s rate window)");
    assertThat(f.pointPeakRate()).isCloseTo(last + 6 * 0.5, within(0.3));
  }

  @Test
  void readingsAreForecastTheirAgeBeyondTheHorizonToo() {
    Driver d = new Driver();
    LoadForecast f = null;
    // the same ramp, but each reading's newest sample is 30 s old when it is read (a 30 s scrape)
    for (int i = 0; i < 120; i++) {
      f = d.step(snapshot(d.now()).arrivalRate(10 + 0.5 * i).dataAge(Duration.ofSeconds(30)));
    }
    double last = 10 + 0.5 * 119;
    // 150 s + 30 s (half the window) + 30 s (the age) is 7 ticks
    assertThat(f.reason())
        .contains(
            "over the next 7 ticks (150s, half the 60s rate window and the reading's age of 30s)");
    assertThat(f.pointPeakRate()).isCloseTo(last + 7 * 0.5, within(0.3));
  }

  @Test
  void aMissingTickDoesNotDropTheForecastToZero() {
    Driver d = new Driver();
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 60; i++) {
      d.rate(noisy(r, 20));
    }
    for (int i = 0; i < 3; i++) {
      LoadForecast f = d.missingRate();
      assertThat(f.peakRate()).as("missing tick %d", i).isGreaterThan(18);
      assertThat(f.healthy()).isFalse();
      assertThat(f.reason()).contains("rate not observed this tick");
    }
    assertThat(d.rate(20).peakRate()).isGreaterThan(18);
  }

  @Test
  void visitsAfterAGapFeedTheSkippedTicksAsMissing() {
    Driver d = new Driver();
    for (int i = 0; i < 40; i++) {
      d.rate(20);
    }
    d.tick += 4; // the loop did not visit for 4 ticks
    d.rate(20);
    assertThat(d.state.values().get(RateSeries.TICK)).isEqualTo(44.0);
    // ticks 41..44: four NaNs then 20 since the checkpoint at 32 ticks (tick 31)
    assertThat(d.state.values().values().stream().filter(v -> v.isNaN()).count()).isEqualTo(4);
  }

  @Test
  void zeroTrafficIsARealZero() {
    Driver d = new Driver();
    for (int i = 0; i < 60; i++) {
      d.rate(20);
    }
    LoadForecast f = null;
    for (int i = 0; i < 40; i++) {
      f = d.rate(0);
    }
    assertThat(f.healthy()).isTrue();
    assertThat(f.peakRate()).isLessThan(1);
  }

  @Test
  void theSameSnapshotsGiveTheSameForecastsAndStates() {
    Driver a = new Driver();
    Driver b = new Driver();
    SplittableRandom ra = new SplittableRandom(4);
    SplittableRandom rb = new SplittableRandom(4);
    for (int i = 0; i < 100; i++) {
      double rate = 20 + 10 * Math.sin(i / 5.0);
      assertThat(a.rate(noisy(ra, rate))).isEqualTo(b.rate(noisy(rb, rate)));
    }
    assertThat(a.state).isEqualTo(b.state);
  }

  @Test
  void aStateWrittenAsTextContinuesExactlyInAFreshForecaster() {
    Driver live = new Driver();
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 75; i++) { // two checkpoints (32, 64 ticks) and 11 pending ticks
      live.rate(noisy(r, 15 + i / 10.0));
    }
    assertThat(live.state.checkpoint()).isPresent();
    String text = HistoryCodec.write(ScalingHistory.empty().withForecast(live.state));
    ForecastState read = HistoryCodec.read(text).forecast();
    assertThat(read).isEqualTo(live.state);

    Driver restarted = new Driver();
    restarted.state = read;
    restarted.tick = live.tick;
    SplittableRandom r1 = new SplittableRandom(6);
    SplittableRandom r2 = new SplittableRandom(6);
    for (int i = 0; i < 40; i++) {
      double rate = 25 + 5 * Math.cos(i / 3.0);
      assertThat(restarted.rate(noisy(r2, rate))).isEqualTo(live.rate(noisy(r1, rate)));
    }
    assertThat(restarted.state).isEqualTo(live.state);
  }

  @Test
  void everyPolicyModelMapsToAForecastingKind() {
    for (ForecastModel m : ForecastModel.values()) {
      assertThat(Forecasters.KINDS).as(m.yamlName()).contains(ForecastKinds.kindOf(m));
    }
    assertThat(ForecastKinds.kindOf(ForecastModel.AUTO)).isEqualTo("selector");
    // Grove: prefill 30 s, decode 60 s, start-up 2 min, 1-minute rate window → tick 30 s,
    // ⌈(120 + 60 + 30 + 30)/30⌉ = 8 ticks (the last 30 s for a reading's age)
    assertThat(ForecastKinds.tick(deployment.policy())).isEqualTo(Duration.ofSeconds(30));
    assertThat(ForecastKinds.maxHorizonTicks(deployment.policy())).isEqualTo(8);
  }

  @Test
  void anUnknownDeploymentGetsTheFallback() {
    SelectorLoadForecaster f = SelectorLoadForecaster.forDeployments(List.of());
    MetricsSnapshot s = snapshot(T0).arrivalRate(12).build();
    ForecastState state = f.observe(key, ForecastState.empty(), s);
    assertThat(state.model()).isEqualTo(ObservedRateForecaster.MODEL);
  }
}

package dev.tandem.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Known answers on noise-free series: each model, fed n ticks, forecasts tick n−1+h. */
class SyntheticSeriesTest {

  /** 10-minute ticks, a daily season of 144 ticks, forecasts up to 3 ticks ahead. */
  static final ForecastSettings TEN_MINUTES =
      new ForecastSettings(600, 3, 300, 144, 2016, 600, 0, 7);

  record Case(
      String kind,
      String series,
      IntToDoubleFunction y,
      int ticks,
      int h,
      double expected,
      double tolerance) {
    @Override
    public String toString() {
      return kind + " on " + series + " (h=" + h + ")";
    }
  }

  static IntToDoubleFunction sine = t -> 100 + 50 * Math.sin(2 * Math.PI * t / 144);
  static IntToDoubleFunction trend = t -> 10 + 2.0 * t;
  static IntToDoubleFunction step = t -> t < 300 ? 100 : 200;
  static IntToDoubleFunction constant = t -> 100;

  /** Dynamo's benchmark load, 5 → 45 req/s over 600 s, at 30-second ticks: a cycle of 20 ticks. */
  static IntToDoubleFunction cycle = t -> 25 - 20 * Math.cos(2 * Math.PI * t / 20);

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String kind : Forecasters.KINDS) {
      // A constant is forecast as itself by every model.
      cases.add(new Case(kind, "constant", constant, 400, 3, 100, 0.5));
      // 60 ticks after a step from 100 to 200 every model but the seasonal naive ones has moved.
      if (!kind.startsWith("seasonal-naive")) {
        cases.add(new Case(kind, "step", step, 360, 3, 200, 4));
      }
    }
    // trend y = 10 + 2t, n = 400: truth at t = 399 + h is 808 + 2h
    cases.add(new Case("last-value", "trend", trend, 400, 3, 808, 1e-9)); // y_{399}
    cases.add(new Case("kalman-llt", "trend", trend, 400, 3, 814, 0.5));
    cases.add(new Case("arima", "trend", trend, 400, 3, 814, 1.0));
    // damped: 808 + (φ+φ²+φ³)·2 with φ ≤ 0.98 lies in [808 + 2·2.88, 814]
    cases.add(new Case("holt-damped", "trend", trend, 400, 3, 812.9, 1.2));
    cases.add(new Case("tribuo-linear", "trend", trend, 400, 3, 814, 2.0));
    cases.add(new Case("selector", "trend", trend, 400, 3, 814, 1.0));
    // sine of period 144 ticks (a day), 10 days: the daily models know tomorrow's value
    int n = 1440;
    double truth = sine.applyAsDouble(n - 1 + 2);
    cases.add(new Case("seasonal-naive-day", "sine", sine, n, 2, truth, 1e-9));
    cases.add(new Case("holt-winters-day", "sine", sine, n, 2, truth, 1.5));
    cases.add(new Case("selector", "sine", sine, n, 2, truth, 1.5));
    cases.add(new Case("last-value", "sine", sine, n, 2, sine.applyAsDouble(n - 1), 1e-9));
    // a cycle of 20 ticks is an AR(2) with φ₁ = 2cos(2π/20) ≈ 1.90, φ₂ = −1: ARIMA anticipates the
    // turn at the trough (truth 3 ticks on: 9.82 from 5.00), where the last value stays at 5
    cases.add(new Case("arima", "cycle", cycle, 400, 3, cycle.applyAsDouble(402), 0.5));
    cases.add(new Case("last-value", "cycle", cycle, 400, 3, cycle.applyAsDouble(399), 1e-9));
    // the recent season repeats the cycle exactly; the selector weighs it above the rest
    cases.add(new Case("recent-season", "cycle", cycle, 400, 3, cycle.applyAsDouble(402), 1e-6));
    cases.add(new Case("selector", "cycle", cycle, 400, 3, cycle.applyAsDouble(402), 0.5));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forecastsTheKnownAnswer(Case c) {
    Forecaster f = Forecasters.create(c.kind(), TEN_MINUTES);
    for (int t = 0; t < c.ticks(); t++) {
      f.update(c.y().applyAsDouble(t));
    }

    Forecast forecast = f.forecast(3, 0.1, 0.5, 0.9);

    assertThat(forecast.pointAt(c.h())).isCloseTo(c.expected(), within(c.tolerance()));
    assertThat(forecast.quantile(0.9, c.h())).isGreaterThanOrEqualTo(forecast.quantile(0.1, c.h()));
    assertThat(forecast.peakQuantile(0.9, 3)).isGreaterThanOrEqualTo(forecast.peakQuantile(0.9, 1));
  }
}

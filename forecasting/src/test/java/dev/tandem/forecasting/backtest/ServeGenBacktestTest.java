package dev.tandem.forecasting.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.forecasting.ForecastSettings;
import dev.tandem.traces.LoadSeries;
import dev.tandem.traces.ServeGenAggregateReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "Done when" bar of the forecasting issue on the real ServeGen series (10-minute windows,
 * train on days 1–10, test on days 11–14; empty windows are missing). About 2 s per series.
 */
class ServeGenBacktestTest {

  static final ForecastSettings SETTINGS = ForecastSettings.defaults(600, 3);

  static Path aggregate(String model) {
    return Path.of(System.getProperty("tandem.root", ".."))
        .toAbsolutePath()
        .resolve("data/traces/servegen_alibaba_bailian")
        .resolve("servegen_" + model + "_aggregate_600s.csv.gz")
        .normalize();
  }

  static BacktestReport backtest(String model) {
    LoadSeries series = ServeGenAggregateReader.read(aggregate(model));
    return Backtest.run(
        series.rate(), 1440, new int[] {1, 2, 3}, List.of("last-value", "selector"), SETTINGS);
  }

  static Stream<String> series() {
    return Stream.of("m-large", "m-mid", "m-small");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("series")
  void selectorIsNoWorseThanLastValueAndItsPeakP90Covers87To93Percent(String model) {
    BacktestReport report = backtest(model);

    for (int h = 1; h <= 3; h++) {
      BacktestRow last = report.row("last-value", h).orElseThrow();
      BacktestRow selector = report.row("selector", h).orElseThrow();
      assertThat(selector.mase()).as("MASE at %d0 min", h).isLessThanOrEqualTo(1.02 * last.mase());
      assertThat(selector.peakCoverage90())
          .as("peak P90 coverage at %d0 min", h)
          .isBetween(0.87, 0.93);
      assertThat(selector.pinball90()).as("P90 pinball at %d0 min", h).isLessThan(last.pinball90());
    }
  }

  @Test
  void selectorBeatsLastValueAt20And30MinutesOnAtLeastTwoSeries() {
    long wins =
        series()
            .map(ServeGenBacktestTest::backtest)
            .filter(
                r ->
                    r.row("selector", 2).orElseThrow().mase()
                            < r.row("last-value", 2).orElseThrow().mase()
                        && r.row("selector", 3).orElseThrow().mase()
                            < r.row("last-value", 3).orElseThrow().mase())
            .count();

    assertThat(wins).isGreaterThanOrEqualTo(2);
  }
}

package dev.tandem.planner.forecast;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import java.time.Duration;

/**
 * The port through which the planner gets its load forecast. {@link ObservedRateForecaster} is the
 * built-in fallback; the forecasting module's selector plugs in through the same interface. Pure:
 * state goes in and comes out as a value; {@code now} is the snapshot's instant.
 */
public interface LoadForecaster {

  /** Folds one snapshot into the state (once per deployment tick, before any forecast). */
  ForecastState observe(DeploymentKey deployment, ForecastState state, MetricsSnapshot snapshot);

  /**
   * The load over {@code [snapshot.at(), snapshot.at() + horizon]} at {@code quantile}: the upper
   * quantile of the peak rate, the mean rate and the ISL/OSL moments.
   */
  LoadForecast forecast(
      DeploymentKey deployment,
      ForecastState state,
      MetricsSnapshot snapshot,
      Duration horizon,
      double quantile);
}

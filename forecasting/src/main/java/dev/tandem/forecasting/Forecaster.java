package dev.tandem.forecasting;

/**
 * A streaming forecaster of one regularly spaced series (one value per tick), for example a
 * deployment's request rate in req/s. What the planner consumes.
 *
 * <p>Contract: call {@link #update} once per tick, in order, with the observed value, or NaN when
 * the tick has no data (a metrics gap: missing, not zero). Zero is a valid observation. Memory is
 * bounded by the {@link ForecastSettings}; parameters are refitted every {@code refitEvery} ticks
 * inside {@code update}, never on every tick. Forecasting works from the first observation (cold
 * start: the last value, with quantiles equal to the point until residuals exist) and returns NaN
 * only before any value was seen. Implementations are not thread-safe: one per series.
 */
public interface Forecaster {

  /** Feeds the value of the next tick (NaN = missing). */
  void update(double value);

  /**
   * Forecasts the next {@code horizon} ticks (1 ≤ horizon ≤ settings.maxHorizon) with the given
   * quantile levels in (0, 1), e.g. {@code forecast(18, 0.5, 0.9)}.
   */
  Forecast forecast(int horizon, double... levels);

  /** Feeds a whole history (a warm start, e.g. from a trace) and refits on it. */
  default void warmStart(double[] values) {
    for (double v : values) {
      update(v);
    }
  }

  /** The state as a plain value; {@link Forecasters#restore} turns it back into a forecaster. */
  ForecasterState state();

  /** Name of the model (or of the selector). */
  String name();
}

package dev.tandem.forecasting.model;

/**
 * A point forecaster of one regularly spaced series, updated one tick at a time. Quantiles are
 * added around it by the conformal wrapper, so a model only predicts the path.
 *
 * <p>Missing ticks arrive as NaN; a model then advances on its own one-step forecast (for a
 * state-space model that is a prediction step without a correction).
 */
public interface PointModel {

  /** Short identifier, e.g. {@code holt-damped}. */
  String name();

  /** The next tick's value (NaN = missing). */
  void observe(double y);

  /** Fills {@code path[h-1]} with the forecast h ticks ahead; NaN before any value was seen. */
  void forecast(double[] path);

  /**
   * Re-estimates the parameters on the recent raw history (oldest first, NaN = missing, the last
   * element is the latest observed tick) and brings the state up to date. Called on a schedule.
   */
  void refit(double[] history);

  /** The model's numeric state (parameters and filter state). */
  double[] save();

  /** Restores what {@link #save} returned (from an instance built with the same settings). */
  void restore(double[] state);
}

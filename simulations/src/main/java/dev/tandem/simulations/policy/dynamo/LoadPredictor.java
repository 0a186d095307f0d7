package dev.tandem.simulations.policy.dynamo;

/**
 * One-step-ahead forecaster of a per-interval series (request count, mean ISL, mean OSL), the shape
 * of the reference planner's predictors: observe one value per interval, predict the next.
 */
public interface LoadPredictor {

  void addDataPoint(double value);

  /** The forecast for the next interval; NaN before any data. */
  double predictNext();
}

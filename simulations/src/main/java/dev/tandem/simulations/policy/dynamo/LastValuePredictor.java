package dev.tandem.simulations.policy.dynamo;

/**
 * Predicts that the next interval equals the last one observed (the reference planner's {@code
 * constant} predictor). Stands in for its default ARIMA predictor until the forecasting module
 * supplies ARIMA behind {@link LoadPredictor}; with a load that changes slowly relative to the
 * interval the two differ little, on a fast sinusoid ARIMA may anticipate the turn better.
 */
public final class LastValuePredictor implements LoadPredictor {

  private double last = Double.NaN;

  @Override
  public void addDataPoint(double value) {
    last = value;
  }

  @Override
  public double predictNext() {
    return last;
  }
}

package dev.tandem.simulations.policy.dynamo;

/**
 * Predicts that the next interval equals the last one observed (the reference planner's {@code
 * constant} predictor; its default is {@link ArimaPredictor}). Before any data: NaN.
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

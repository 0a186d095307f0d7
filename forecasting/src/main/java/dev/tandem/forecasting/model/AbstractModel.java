package dev.tandem.forecasting.model;

/**
 * Handles missing ticks for the models: a NaN is replaced by the model's own one-step forecast
 * (nothing happens before the first value), so subclasses only ever see finite values.
 */
abstract class AbstractModel implements PointModel {

  private final double[] one = new double[1];

  @Override
  public final void observe(double y) {
    if (Double.isNaN(y)) {
      forecast(one);
      if (Double.isNaN(one[0])) {
        skip();
        return;
      }
      y = one[0];
    }
    update(y);
  }

  /** A finite value (observed or imputed). */
  protected abstract void update(double y);

  /** A missing tick before any value was seen (models that count ticks advance their clock). */
  protected void skip() {}

  /** Default refit for models without fitted parameters: nothing to do. */
  @Override
  public void refit(double[] history) {}

  static void fill(double[] path, double value) {
    java.util.Arrays.fill(path, value);
  }
}

package dev.tandem.forecasting.model;

/** Naive forecast: ŷ_{t+h} = y_t for every h (a random walk's optimal point). */
public final class LastValue extends AbstractModel {

  private double last = Double.NaN;

  @Override
  public String name() {
    return "last-value";
  }

  @Override
  protected void update(double y) {
    last = y;
  }

  @Override
  public void forecast(double[] path) {
    fill(path, last);
  }

  @Override
  public double[] save() {
    return new double[] {last};
  }

  @Override
  public void restore(double[] state) {
    last = state[0];
  }
}

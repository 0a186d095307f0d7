package dev.tandem.forecasting.model;

import java.util.Arrays;

/**
 * Seasonal naive: ŷ_{t+h} = y_{t+h−m} (same time one season ago, e.g. m = a day or a week of
 * ticks). Until a full season is seen it forecasts the last value. Memory: m values.
 */
public final class SeasonalNaive extends AbstractModel {

  private final double[] ring;
  private long count;
  private double last = Double.NaN;

  public SeasonalNaive(int seasonTicks) {
    if (seasonTicks < 1) {
      throw new IllegalArgumentException("seasonTicks must be >= 1, got " + seasonTicks);
    }
    ring = new double[seasonTicks];
  }

  @Override
  public String name() {
    return "seasonal-naive-" + ring.length;
  }

  @Override
  protected void update(double y) {
    ring[(int) (count % ring.length)] = y;
    count++;
    last = y;
  }

  @Override
  public void forecast(double[] path) {
    int m = ring.length;
    for (int h = 1; h <= path.length; h++) {
      path[h - 1] = count < m ? last : ring[(int) ((count + h - 1 - m) % m + m) % m];
    }
  }

  @Override
  public double[] save() {
    double[] s = Arrays.copyOf(ring, ring.length + 2);
    s[ring.length] = count;
    s[ring.length + 1] = last;
    return s;
  }

  @Override
  public void restore(double[] state) {
    System.arraycopy(state, 0, ring, 0, ring.length);
    count = (long) state[ring.length];
    last = state[ring.length + 1];
  }
}

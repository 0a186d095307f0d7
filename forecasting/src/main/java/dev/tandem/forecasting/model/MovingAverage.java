package dev.tandem.forecasting.model;

import java.util.Arrays;

/** Flat forecast at the mean of the last {@code window} values: ŷ_{t+h} = (1/k)·Σ_{i<k} y_{t−i}. */
public final class MovingAverage extends AbstractModel {

  private final double[] ring;
  private int count;
  private int next;
  private double sum;

  public MovingAverage(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    ring = new double[window];
  }

  @Override
  public String name() {
    return "moving-average-" + ring.length;
  }

  @Override
  protected void update(double y) {
    if (count == ring.length) {
      sum -= ring[next];
    } else {
      count++;
    }
    ring[next] = y;
    sum += y;
    next = (next + 1) % ring.length;
  }

  @Override
  public void forecast(double[] path) {
    fill(path, count == 0 ? Double.NaN : sum / count);
  }

  @Override
  public double[] save() {
    double[] s = Arrays.copyOf(ring, ring.length + 3);
    s[ring.length] = count;
    s[ring.length + 1] = next;
    s[ring.length + 2] = sum;
    return s;
  }

  @Override
  public void restore(double[] state) {
    System.arraycopy(state, 0, ring, 0, ring.length);
    count = (int) state[ring.length];
    next = (int) state[ring.length + 1];
    sum = state[ring.length + 2];
  }
}

package dev.tandem.forecasting;

import java.util.Arrays;

/** A growable list of doubles for building state arrays. */
final class DoubleList {

  private double[] values = new double[64];
  private int size;

  void add(double... vs) {
    addAll(vs);
  }

  void addAll(double[] vs) {
    if (size + vs.length > values.length) {
      values = Arrays.copyOf(values, Math.max(2 * values.length, size + vs.length));
    }
    System.arraycopy(vs, 0, values, size, vs.length);
    size += vs.length;
  }

  double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}

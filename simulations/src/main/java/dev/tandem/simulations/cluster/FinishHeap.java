package dev.tandem.simulations.cluster;

import java.util.Arrays;

/**
 * A binary min-heap of requests keyed by their token-clock finish position, in primitive arrays.
 * Ties are broken by request id so the order never depends on insertion history.
 */
final class FinishHeap {

  private double[] keys = new double[64];
  private SimRequest[] values = new SimRequest[64];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  double minKey() {
    return keys[0];
  }

  void push(SimRequest r) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    double k = r.finishPosition;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(k, r, keys[parent], values[parent])) {
        break;
      }
      keys[i] = keys[parent];
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = k;
    values[i] = r;
  }

  SimRequest pop() {
    SimRequest top = values[0];
    int last = --size;
    double k = keys[last];
    SimRequest v = values[last];
    values[last] = null;
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      int right = child + 1;
      if (right < size && less(keys[right], values[right], keys[child], values[child])) {
        child = right;
      }
      if (!less(keys[child], values[child], k, v)) {
        break;
      }
      keys[i] = keys[child];
      values[i] = values[child];
      i = child;
    }
    if (size > 0) {
      keys[i] = k;
      values[i] = v;
    }
    return top;
  }

  private static boolean less(double k1, SimRequest r1, double k2, SimRequest r2) {
    return k1 < k2 || (k1 == k2 && r1.id < r2.id);
  }
}

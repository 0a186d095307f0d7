package dev.tandem.forecasting;

import java.util.Arrays;

/**
 * The last {@code capacity} values, kept both in arrival order (for eviction) and sorted (so a
 * quantile is one array lookup). Insert and evict cost O(capacity) moves.
 */
final class SlidingQuantiles {

  private final double[] ring;
  private final double[] sorted;
  private int size;
  private int next;

  SlidingQuantiles(int capacity) {
    ring = new double[capacity];
    sorted = new double[capacity];
  }

  int size() {
    return size;
  }

  void add(double x) {
    if (size == ring.length) {
      remove(ring[next]);
    }
    ring[next] = x;
    next = (next + 1) % ring.length;
    int at = Arrays.binarySearch(sorted, 0, size, x);
    if (at < 0) {
      at = -at - 1;
    }
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = x;
    size++;
  }

  private void remove(double x) {
    int at = Arrays.binarySearch(sorted, 0, size, x);
    System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
    size--;
  }

  /**
   * The split-conformal quantile at {@code level}: for level ≥ 0.5 the ⌈(n+1)·level⌉-th smallest
   * value (the largest when that exceeds n), below 0.5 the ⌊(n+1)·level⌋-th (the smallest when 0).
   * 0 when empty.
   */
  double quantile(double level) {
    if (size == 0) {
      return 0;
    }
    int k =
        level >= 0.5 ? (int) Math.ceil((size + 1) * level) : (int) Math.floor((size + 1) * level);
    return sorted[Math.max(1, Math.min(size, k)) - 1];
  }

  double[] save() {
    double[] s = new double[size + 1];
    s[0] = size;
    // oldest first, so that re-adding rebuilds the same ring order
    for (int i = 0; i < size; i++) {
      s[1 + i] = ring[Math.floorMod(next - size + i, ring.length)];
    }
    return s;
  }

  /** Restores from {@code s} at {@code offset}; returns the offset after it. */
  int restore(double[] s, int offset) {
    size = 0;
    next = 0;
    int n = (int) s[offset];
    for (int i = 0; i < n; i++) {
      add(s[offset + 1 + i]);
    }
    return offset + 1 + n;
  }
}

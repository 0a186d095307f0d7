package dev.tandem.simulations.arrivals;

import java.util.Arrays;

/**
 * Arrivals held in three arrays (tests, small traces, arrivals built in code). The arrays are
 * copied; the seed is ignored.
 */
public final class ArrayArrivals implements ArrivalStream {

  private final long[] arrivalMicros;
  private final int[] inputTokens;
  private final int[] outputTokens;

  public ArrayArrivals(long[] arrivalMicros, int[] inputTokens, int[] outputTokens) {
    if (arrivalMicros.length != inputTokens.length || arrivalMicros.length != outputTokens.length) {
      throw new IllegalArgumentException(
          "arrays must have one length, got "
              + arrivalMicros.length
              + ", "
              + inputTokens.length
              + ", "
              + outputTokens.length);
    }
    this.arrivalMicros = arrivalMicros.clone();
    this.inputTokens = inputTokens.clone();
    this.outputTokens = outputTokens.clone();
  }

  /**
   * {@code count} identical requests, one every {@code gapMicros} starting at {@code startMicros}.
   */
  public static ArrayArrivals evenlySpaced(
      int count, long startMicros, long gapMicros, int inputTokens, int outputTokens) {
    long[] t = new long[count];
    for (int i = 0; i < count; i++) {
      t[i] = startMicros + i * gapMicros;
    }
    int[] in = new int[count];
    int[] out = new int[count];
    Arrays.fill(in, inputTokens);
    Arrays.fill(out, outputTokens);
    return new ArrayArrivals(t, in, out);
  }

  public int size() {
    return arrivalMicros.length;
  }

  @Override
  public ArrivalSource open(long seed) {
    return new ArrivalSource() {
      private int i = -1;

      @Override
      public boolean advance() {
        return ++i < arrivalMicros.length;
      }

      @Override
      public long arrivalMicros() {
        return arrivalMicros[i];
      }

      @Override
      public int inputTokens() {
        return inputTokens[i];
      }

      @Override
      public int outputTokens() {
        return outputTokens[i];
      }
    };
  }
}

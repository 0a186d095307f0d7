package dev.tandem.simulations.metrics;

/**
 * The arrival burstiness the Prometheus reader computes, from the same data it would have: arrival
 * counts in consecutive intervals of τ, and their Allan factor over a range,
 *
 * <pre>
 *   AF = Σ (A_i − A_{i−1})² / (2 (n − 1) · mean(A))
 * </pre>
 *
 * over the n intervals that ended within the range. It is 1 for Poisson arrivals at any rate and
 * tends to the inter-arrival c_a² of a renewal process as τ grows, like the plain index of
 * dispersion Var(A)/E(A), but a change of rate across the range does not count as burstiness: the
 * differences of neighbouring counts hold only the change within τ (a 5 → 45 req/s swing over 10
 * minutes adds about 0.4 at τ = 10 s, where the plain index reads about 80). Clumps of simultaneous
 * arrivals do count: a clump of X in one interval adds about X² / (n · mean).
 *
 * <p>Intervals are aligned to multiples of τ from the start of the run; an interval is visible once
 * its end is at or before the observation's cut-off.
 */
final class ArrivalDispersion {

  /** Fewest differences an estimate is made from. */
  static final int MIN_DIFFERENCES = 3;

  private final long tauMicros;
  private final long rangeMicros;
  private final long[] counts;
  private final long[] ends;
  private int current;
  private long currentEnd;
  private long closed;

  /**
   * @param tauMicros the counting interval τ, µs
   * @param rangeMicros how far back the estimate looks, µs (at least {@link #MIN_DIFFERENCES} + 1
   *     intervals)
   * @param delayMicros how far behind the newest interval an observation may look, µs
   */
  ArrivalDispersion(long tauMicros, long rangeMicros, long delayMicros) {
    if (tauMicros <= 0 || rangeMicros < (MIN_DIFFERENCES + 1) * tauMicros || delayMicros < 0) {
      throw new IllegalArgumentException(
          "need τ > 0, a range of at least "
              + (MIN_DIFFERENCES + 1)
              + " intervals and a delay >= 0, got τ = "
              + tauMicros
              + " µs, range = "
              + rangeMicros
              + " µs, delay = "
              + delayMicros
              + " µs");
    }
    this.tauMicros = tauMicros;
    this.rangeMicros = rangeMicros;
    int slots = (int) ((rangeMicros + delayMicros) / tauMicros) + 3;
    this.counts = new long[slots];
    this.ends = new long[slots];
    this.currentEnd = tauMicros;
  }

  /** One arrival in the interval that is open now (call {@link #closeUpTo} first). */
  void arrival() {
    counts[current]++;
  }

  /** Closes every interval that ended at or before {@code now}. */
  void closeUpTo(long now) {
    while (now >= currentEnd) {
      ends[current] = currentEnd;
      closed++;
      current = (current + 1) % counts.length;
      counts[current] = 0;
      currentEnd += tauMicros;
    }
  }

  /**
   * The Allan factor of the intervals that ended in {@code (asOf − range, asOf]}; NaN with fewer
   * than {@link #MIN_DIFFERENCES} differences or no arrivals.
   */
  double allanFactor(long asOf) {
    int available = (int) Math.min(closed, counts.length - 1);
    long sumSquares = 0;
    long sum = 0;
    int n = 0;
    long newer = -1;
    for (int k = 1; k <= available; k++) {
      int slot = Math.floorMod(current - k, counts.length);
      if (ends[slot] > asOf) {
        continue;
      }
      if (ends[slot] <= asOf - rangeMicros) {
        break;
      }
      if (newer >= 0) {
        long d = newer - counts[slot];
        sumSquares += d * d;
      }
      newer = counts[slot];
      sum += counts[slot];
      n++;
    }
    if (n - 1 < MIN_DIFFERENCES || sum == 0) {
      return Double.NaN;
    }
    double mean = (double) sum / n;
    return sumSquares / (2.0 * (n - 1) * mean);
  }
}

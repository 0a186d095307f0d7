package dev.tandem.simulations.cluster;

import dev.tandem.profiles.capacity.ProfileCapacity;
import dev.tandem.profiles.interpolation.ItlSurface;
import dev.tandem.profiles.interpolation.PiecewiseLinearCurve;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.Arrays;

/**
 * The profile's TTFT curve and ITL surface as memoised tables for the simulator's hot path. Every
 * value equals what {@link ProfileCapacity} returns for the same query (a test checks this); only
 * the {@code Estimate} objects and the search over the measured points are skipped.
 *
 * <ul>
 *   <li>{@link #ttftMillis(int)}: TTFT(tokens) of {@link
 *       dev.tandem.profiles.interpolation.TtftCurve}, memoised per integer token count up to
 *       {@value #TTFT_CACHE} tokens.
 *   <li>{@link #itlMillis(int, double)}: ITL(n, context) of {@link ItlSurface}: per measured
 *       context the curve's value at integer concurrency {@code n} is memoised; between contexts
 *       the same linear rule as {@code ItlSurface} (clamped below the smallest context; above the
 *       largest, the line through the last two contexts, never below the last).
 * </ul>
 */
public final class ProfileTables {

  static final int TTFT_CACHE = 1 << 17;
  static final int ITL_CACHE = 1 << 16;

  private final ProfileCapacity capacity;
  private final double[] contexts;
  private final PiecewiseLinearCurve[] curves;
  private final double[][] itlByConcurrency;
  private final double[] ttftCache = new double[TTFT_CACHE + 1];

  public ProfileTables(PerformanceProfile profile) {
    this.capacity = new ProfileCapacity(profile);
    ItlSurface surface = new ItlSurface(profile);
    this.contexts = surface.contexts();
    this.curves = new PiecewiseLinearCurve[contexts.length];
    this.itlByConcurrency = new double[contexts.length][];
    for (int i = 0; i < contexts.length; i++) {
      curves[i] = surface.curve(i);
      itlByConcurrency[i] = new double[0];
    }
    Arrays.fill(ttftCache, Double.NaN);
  }

  public ProfileCapacity capacity() {
    return capacity;
  }

  /** Batch-1 TTFT in ms for a prefill of {@code tokens} tokens. */
  public double ttftMillis(int tokens) {
    if (tokens > TTFT_CACHE) {
      return capacity.ttftMillis(tokens).value();
    }
    double v = ttftCache[tokens];
    if (Double.isNaN(v)) {
      v = capacity.ttftMillis(tokens).value();
      ttftCache[tokens] = v;
    }
    return v;
  }

  /** Mean ITL in ms at {@code n ≥ 1} sequences of {@code contextTokens} tokens each. */
  public double itlMillis(int n, double contextTokens) {
    int last = contexts.length - 1;
    if (contextTokens <= contexts[0] || last == 0) {
      return atContext(0, n);
    }
    if (contextTokens > contexts[last]) {
      double top = atContext(last, n);
      double below = atContext(last - 1, n);
      double perToken = (top - below) / (contexts[last] - contexts[last - 1]);
      return top + Math.max(0, perToken) * (contextTokens - contexts[last]);
    }
    int hi = 1;
    while (contexts[hi] < contextTokens) {
      hi++;
    }
    double upper = atContext(hi, n);
    if (contexts[hi] == contextTokens) {
      return upper;
    }
    double lower = atContext(hi - 1, n);
    double w = (contextTokens - contexts[hi - 1]) / (contexts[hi] - contexts[hi - 1]);
    return lower + w * (upper - lower);
  }

  private double atContext(int i, int n) {
    if (n > ITL_CACHE) {
      return curves[i].at(n).value();
    }
    double[] row = itlByConcurrency[i];
    if (n >= row.length) {
      int size = Math.min(ITL_CACHE + 1, Math.max(n + 1, Math.max(64, row.length * 2)));
      double[] grown = Arrays.copyOf(row, size);
      for (int k = row.length; k < size; k++) {
        grown[k] = curves[i].at(Math.max(k, 1)).value();
      }
      itlByConcurrency[i] = grown;
      row = grown;
    }
    return row[n];
  }
}

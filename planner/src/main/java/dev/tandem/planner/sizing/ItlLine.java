package dev.tandem.planner.sizing;

/**
 * ITL(n) in ms at one context length, as a non-decreasing piecewise-linear function of the number n
 * of sequences in flight: the profile's monotone envelope read at the breakpoints of the two
 * neighbouring measured contexts (between them the surface is linear in n, so this is exact inside
 * the measured context range), constant below the first breakpoint, a straight line above the last.
 *
 * <p>Queries are O(breakpoints) with no allocation, which is what lets {@code plan()} stay within
 * its time budget; {@link ItlLines} builds one per context.
 */
public final class ItlLine {

  private final double[] xs;
  private final double[] ys;
  private final double slopeAbove;

  ItlLine(double[] xs, double[] ys, double slopeAbove) {
    this.xs = xs;
    this.ys = ys;
    this.slopeAbove = Math.max(0, slopeAbove);
  }

  /** ITL in ms at {@code n} sequences. */
  public double at(double n) {
    int last = xs.length - 1;
    if (n <= xs[0]) {
      return ys[0];
    }
    if (n >= xs[last]) {
      return ys[last] + slopeAbove * (n - xs[last]);
    }
    int i = 0;
    while (xs[i + 1] < n) {
      i++;
    }
    double w = (n - xs[i]) / (xs[i + 1] - xs[i]);
    return ys[i] + w * (ys[i + 1] - ys[i]);
  }

  /**
   * The largest n with ITL(n) ≤ {@code itlMillis}: 0 when even the smallest batch is slower, +∞
   * when the line never rises above it.
   */
  public double largestWithin(double itlMillis) {
    int last = xs.length - 1;
    if (ys[0] > itlMillis) {
      return 0;
    }
    for (int i = 0; i < last; i++) {
      if (ys[i + 1] > itlMillis) {
        return xs[i] + (itlMillis - ys[i]) / (ys[i + 1] - ys[i]) * (xs[i + 1] - xs[i]);
      }
    }
    return slopeAbove == 0
        ? Double.POSITIVE_INFINITY
        : xs[last] + (itlMillis - ys[last]) / slopeAbove;
  }

  /**
   * The smallest N ≥ 0 with N = c · ITL(N), solved exactly segment by segment; +∞ when there is
   * none (the load outruns the engine: every extra sequence slows all of them by more than it
   * adds). On a segment ITL = y_j + s_j (N − x_j), so N = c (y_j − s_j x_j) / (1 − c s_j) when c
   * s_j &lt; 1 and that N lies on the segment. Little's law with c = λ · OSL / 1000 (λ in
   * requests/s, ITL in ms) gives the mean number in flight.
   */
  public double fixedPoint(double c) {
    if (c <= 0) {
      return 0;
    }
    if (c * ys[0] <= xs[0]) {
      return c * ys[0];
    }
    int last = xs.length - 1;
    for (int i = 0; i < last; i++) {
      double slope = (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
      double n = onLine(c, xs[i], ys[i], slope);
      if (n <= xs[i + 1]) {
        return Math.max(n, xs[i]);
      }
    }
    double n = onLine(c, xs[last], ys[last], slopeAbove);
    return n;
  }

  /** The root of N = c (y + s (N − x)) at or above x, or +∞ when there is none. */
  private static double onLine(double c, double x, double y, double slope) {
    double denominator = 1 - c * slope;
    if (denominator <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double n = c * (y - slope * x) / denominator;
    return n >= x ? n : Double.POSITIVE_INFINITY;
  }
}

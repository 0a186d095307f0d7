package dev.tandem.forecasting;

import java.util.Arrays;

/**
 * A forecast made at one origin for the next {@code horizon()} ticks, in the units of the series
 * (for the request rate: req/s).
 *
 * <ul>
 *   <li>{@code point[h-1]} — point forecast of the value h ticks ahead.
 *   <li>{@code quantiles[k][h-1]} — the {@code levels[k]} quantile of the value h ticks ahead.
 *   <li>{@code peakQuantiles[k][H-1]} — the {@code levels[k]} quantile of the PEAK max(y_{t+1}, …,
 *       y_{t+H}) over the first H ticks (what the planner sizes for when engines take H ticks to
 *       start).
 * </ul>
 *
 * Quantiles are split-conformal: point + (empirical quantile of the model's own recent normalised
 * residuals at that step) × scale. {@code calibrationSize} is the number of resolved forecasts
 * behind the one-step quantiles; with 0 (cold start) every quantile equals the point.
 */
public record Forecast(
    double[] point,
    double[] levels,
    double[][] quantiles,
    double[][] peakQuantiles,
    int calibrationSize,
    String model) {

  public Forecast {
    point = point.clone();
    levels = levels.clone();
    quantiles = deepCopy(quantiles);
    peakQuantiles = deepCopy(peakQuantiles);
  }

  /** Number of ticks forecast. */
  public int horizon() {
    return point.length;
  }

  /** Point forecast {@code step} ticks ahead (1-based). */
  public double pointAt(int step) {
    return point[step - 1];
  }

  /** The {@code level} quantile {@code step} ticks ahead; {@code level} must be one requested. */
  public double quantile(double level, int step) {
    return quantiles[indexOf(level)][step - 1];
  }

  /** The {@code level} quantile of the peak over the next {@code steps} ticks. */
  public double peakQuantile(double level, int steps) {
    return peakQuantiles[indexOf(level)][steps - 1];
  }

  /** The {@code level} quantile of the peak over the whole horizon. */
  public double peakQuantile(double level) {
    return peakQuantile(level, horizon());
  }

  /** Largest point forecast over the next {@code steps} ticks. */
  public double pointPeak(int steps) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < steps; i++) {
      max = Math.max(max, point[i]);
    }
    return max;
  }

  private int indexOf(double level) {
    for (int k = 0; k < levels.length; k++) {
      if (Math.abs(levels[k] - level) < 1e-12) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "level " + level + " was not requested; levels are " + Arrays.toString(levels));
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  @Override
  public double[] levels() {
    return levels.clone();
  }

  @Override
  public double[][] quantiles() {
    return deepCopy(quantiles);
  }

  @Override
  public double[][] peakQuantiles() {
    return deepCopy(peakQuantiles);
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Forecast f
        && Arrays.equals(point, f.point)
        && Arrays.equals(levels, f.levels)
        && Arrays.deepEquals(quantiles, f.quantiles)
        && Arrays.deepEquals(peakQuantiles, f.peakQuantiles)
        && calibrationSize == f.calibrationSize
        && model.equals(f.model);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(point) * 31 + model.hashCode();
  }

  @Override
  public String toString() {
    return "Forecast[" + model + ", point=" + Arrays.toString(point) + "]";
  }
}

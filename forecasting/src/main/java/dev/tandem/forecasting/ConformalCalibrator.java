package dev.tandem.forecasting;

import java.util.Arrays;

/**
 * Split-conformal quantiles from a model's own recent forecasts, per step and for the peak.
 *
 * <p>Each tick the wrapper registers the model's path ŷ_{o,1..H} made at origin o with a scale s_o
 * = max(|ŷ_{o,1}|, 0.05·m) (m: slowly averaged |y|), so residuals are relative and intervals follow
 * the level. When y_{o+h} arrives: the step score (y_{o+h} − ŷ_{o,h})/s_o enters window h; once all
 * of y_{o+1..o+k} are known (none missing) the peak score (max y − max ŷ over the first k
 * steps)/s_o enters peak window k. The τ-quantile of the value h ahead is ŷ_h + s·Q_τ(window h); of
 * the peak over H steps max(ŷ_1..ŷ_H) + s·Q_τ(peak window H), never below the step quantiles it
 * dominates.
 *
 * <p>Adaptive conformal inference (Gibbs and Candès, 2021) keeps long-run coverage at the primary
 * level 0.9 under drift: each resolved outcome moves that window's working level by γ·(miss − 0.1)
 * (γ = 0.005), and every requested level above 0.5 is shifted by the same amount.
 */
final class ConformalCalibrator {

  static final double PRIMARY = 0.9;
  private static final double GAMMA = 0.005;
  private final int horizon;
  private final SlidingQuantiles[] step;
  private final SlidingQuantiles[] peak;
  private final double[] stepShift;
  private final double[] peakShift;

  /** Per pending origin (ring of H+1): path, scale, issued bounds, running maxima, missing. */
  private final double[][] paths;

  private final double[][] issuedStep;
  private final double[][] issuedPeak;
  private final double[] scales;
  private final double[] maxActual;
  private final double[] maxPredicted;
  private final boolean[] broken;
  private final boolean[] live;
  private long origin;
  private double magnitude = Double.NaN;
  private final double decay;
  private boolean nonNegative = true;

  ConformalCalibrator(ForecastSettings settings) {
    horizon = settings.maxHorizon();
    step = new SlidingQuantiles[horizon];
    peak = new SlidingQuantiles[horizon];
    for (int h = 0; h < horizon; h++) {
      step[h] = new SlidingQuantiles(settings.calibrationWindow());
      peak[h] = new SlidingQuantiles(settings.calibrationWindow());
    }
    stepShift = new double[horizon];
    peakShift = new double[horizon];
    int slots = horizon + 1;
    paths = new double[slots][horizon];
    issuedStep = new double[slots][horizon];
    issuedPeak = new double[slots][horizon];
    scales = new double[slots];
    maxActual = new double[slots];
    maxPredicted = new double[slots];
    broken = new boolean[slots];
    live = new boolean[slots];
    decay = 1.0 / settings.calibrationWindow();
  }

  int calibrationSize() {
    return step[0].size();
  }

  /** The value of tick {@code origin} (the tick after the latest registered origin) arrived. */
  void resolve(double y) {
    if (!Double.isNaN(y)) {
      magnitude =
          Double.isNaN(magnitude) ? Math.abs(y) : magnitude + decay * (Math.abs(y) - magnitude);
      nonNegative &= y >= 0;
    }
    for (int h = 1; h <= horizon; h++) {
      int slot = slot(origin - h);
      if (origin - h < 0 || !live[slot]) {
        continue;
      }
      if (Double.isNaN(y)) {
        broken[slot] = true;
      } else {
        double s = scales[slot];
        double predicted = paths[slot][h - 1];
        step[h - 1].add((y - predicted) / s);
        stepShift[h - 1] = adapt(stepShift[h - 1], y > issuedStep[slot][h - 1]);
        maxActual[slot] = Math.max(maxActual[slot], y);
        maxPredicted[slot] = Math.max(maxPredicted[slot], predicted);
        if (!broken[slot]) {
          peak[h - 1].add((maxActual[slot] - maxPredicted[slot]) / s);
          peakShift[h - 1] = adapt(peakShift[h - 1], maxActual[slot] > issuedPeak[slot][h - 1]);
        }
      }
      if (h == horizon) {
        live[slot] = false;
      }
    }
  }

  private static double adapt(double shift, boolean miss) {
    double next = shift + GAMMA * ((miss ? 1 : 0) - (1 - PRIMARY));
    return Math.max(-0.4, Math.min(0.0999, next));
  }

  /** Registers the path forecast at the current origin, then advances the origin. */
  void register(double[] path) {
    int slot = slot(origin);
    origin++;
    if (Double.isNaN(path[0])) {
      live[slot] = false;
      return;
    }
    System.arraycopy(path, 0, paths[slot], 0, horizon);
    scales[slot] = scale(path[0]);
    maxActual[slot] = Double.NEGATIVE_INFINITY;
    maxPredicted[slot] = Double.NEGATIVE_INFINITY;
    broken[slot] = false;
    live[slot] = true;
    double[][] bounds = bounds(path, scales[slot], horizon, new double[] {PRIMARY});
    System.arraycopy(bounds[0], 0, issuedStep[slot], 0, horizon);
    System.arraycopy(bounds[1], 0, issuedPeak[slot], 0, horizon);
  }

  private double scale(double firstStep) {
    double floor = Double.isNaN(magnitude) ? 0 : 0.05 * magnitude;
    return Math.max(Math.max(Math.abs(firstStep), floor), 1e-9);
  }

  private int slot(long o) {
    return (int) Math.floorMod(o, (long) (horizon + 1));
  }

  /**
   * Bounds for one level per row pair: result[2k] = step quantiles, result[2k+1] = peak quantiles
   * (index H−1 = peak over H steps).
   */
  double[][] bounds(double[] path, double scale, int h, double[] levels) {
    double[][] out = new double[2 * levels.length][h];
    for (int k = 0; k < levels.length; k++) {
      double level = levels[k];
      double runningPoint = Double.NEGATIVE_INFINITY;
      double runningStep = Double.NEGATIVE_INFINITY;
      double runningPeak = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < h; i++) {
        double q = path[i] + scale * step[i].quantile(shifted(level, stepShift[i]));
        out[2 * k][i] = clamp(q);
        runningPoint = Math.max(runningPoint, path[i]);
        runningStep = Math.max(runningStep, q);
        double p =
            peak[i].size() == 0
                ? runningPoint
                : runningPoint + scale * peak[i].quantile(shifted(level, peakShift[i]));
        if (level >= 0.5) {
          p = Math.max(p, runningStep);
        }
        runningPeak = Math.max(runningPeak, p);
        out[2 * k + 1][i] = clamp(runningPeak);
      }
    }
    return out;
  }

  private static double shifted(double level, double shift) {
    return level > 0.5 ? Math.max(0.5, Math.min(0.9999, level + shift)) : level;
  }

  private double clamp(double v) {
    return nonNegative ? Math.max(0, v) : v;
  }

  /** Clamps a point forecast the same way as the quantiles. */
  double clampPoint(double v) {
    return clamp(v);
  }

  /** The scale a forecast from the latest origin uses. */
  double latestScale() {
    return scales[slot(origin - 1)];
  }

  double[] save() {
    DoubleList out = new DoubleList();
    out.add(origin, magnitude, nonNegative ? 1 : 0);
    for (int h = 0; h < horizon; h++) {
      out.addAll(step[h].save());
      out.addAll(peak[h].save());
    }
    out.addAll(stepShift);
    out.addAll(peakShift);
    for (int s = 0; s <= horizon; s++) {
      out.addAll(paths[s]);
      out.addAll(issuedStep[s]);
      out.addAll(issuedPeak[s]);
      out.add(scales[s], maxActual[s], maxPredicted[s], broken[s] ? 1 : 0, live[s] ? 1 : 0);
    }
    return out.toArray();
  }

  void restore(double[] s) {
    origin = (long) s[0];
    magnitude = s[1];
    nonNegative = s[2] != 0;
    int o = 3;
    for (int h = 0; h < horizon; h++) {
      o = step[h].restore(s, o);
      o = peak[h].restore(s, o);
    }
    o = copy(s, o, stepShift);
    o = copy(s, o, peakShift);
    for (int k = 0; k <= horizon; k++) {
      o = copy(s, o, paths[k]);
      o = copy(s, o, issuedStep[k]);
      o = copy(s, o, issuedPeak[k]);
      scales[k] = s[o];
      maxActual[k] = s[o + 1];
      maxPredicted[k] = s[o + 2];
      broken[k] = s[o + 3] != 0;
      live[k] = s[o + 4] != 0;
      o += 5;
    }
  }

  private static int copy(double[] s, int o, double[] into) {
    System.arraycopy(s, o, into, 0, into.length);
    return o + into.length;
  }

  @Override
  public String toString() {
    return "ConformalCalibrator[n="
        + calibrationSize()
        + ", shifts="
        + Arrays.toString(peakShift)
        + "]";
  }
}

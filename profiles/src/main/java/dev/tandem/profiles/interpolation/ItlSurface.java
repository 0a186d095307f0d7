package dev.tandem.profiles.interpolation;

import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * ITL(concurrency, context) in ms for one decode engine, from points measured at a few context
 * lengths with several concurrencies each.
 *
 * <p>Along concurrency, within one measured context: the <em>monotone envelope</em> of the measured
 * curve (running maximum of ITL in order of concurrency: a larger batch never decodes faster; a dip
 * in the data, usually an engine that queued requests it could not batch, is ignored), then
 * piecewise-linear. Below the smallest measured concurrency the first point is used (clamped).
 * Above the largest the envelope continues along a straight line (extrapolated) whose slope is the
 * larger of the last segment's and the mean slope over the whole measured curve, so a flat,
 * saturated tail does not promise free concurrency.
 *
 * <p>Between measured contexts: linear in context between the two neighbouring contexts' values at
 * the same concurrency. Below the smallest context: that context's curve (clamped; a shorter
 * context is never slower, so this errs high). Above the largest: the straight line through the
 * last two contexts' values, never below the last context's value (extrapolated).
 *
 * <p>The result is non-decreasing in concurrency wherever the context is inside the measured range
 * (each curve is, and a convex combination of non-decreasing functions is).
 */
public final class ItlSurface {

  public static final String CONCURRENCY = "concurrency";
  public static final String CONTEXT = "context";

  private final double[] contexts;
  private final List<PiecewiseLinearCurve> curves = new ArrayList<>();

  public ItlSurface(PerformanceProfile profile) {
    this.contexts = profile.decodeContexts().stream().mapToDouble(Double::doubleValue).toArray();
    for (double context : contexts) {
      curves.add(envelope(profile.decodeAt(context)));
    }
  }

  /** The measured context lengths, ascending. */
  public double[] contexts() {
    return contexts.clone();
  }

  /** The concurrency-axis curve (envelope) of the {@code i}-th measured context. */
  public PiecewiseLinearCurve curve(int i) {
    return curves.get(i);
  }

  /** Mean ITL in ms at {@code concurrency} sequences of {@code contextTokens} tokens each. */
  public Estimate itlMillis(double concurrency, double contextTokens) {
    int n = contexts.length;
    if (contextTokens <= contexts[0] || n == 1) {
      Placement p =
          contextTokens == contexts[0]
              ? Placement.AT_POINT
              : contextTokens < contexts[0] ? Placement.CLAMPED_BELOW : Placement.CLAMPED_ABOVE;
      return withContext(curves.get(0).at(concurrency), p, contextTokens, contexts[0]);
    }
    if (contextTokens > contexts[n - 1]) {
      Estimate last = curves.get(n - 1).at(concurrency);
      Estimate previous = curves.get(n - 2).at(concurrency);
      double perToken = (last.value() - previous.value()) / (contexts[n - 1] - contexts[n - 2]);
      double value = last.value() + Math.max(0, perToken) * (contextTokens - contexts[n - 1]);
      AxisPlacement c = AxisPlacement.worse(last.axes().get(0), previous.axes().get(0));
      return new Estimate(
          value,
          List.of(
              c,
              new AxisPlacement(
                  CONTEXT, Placement.EXTRAPOLATED_ABOVE, contextTokens, contexts[n - 1])));
    }
    int hi = 1;
    while (contexts[hi] < contextTokens) {
      hi++;
    }
    Estimate upper = curves.get(hi).at(concurrency);
    if (contexts[hi] == contextTokens) {
      return withContext(upper, Placement.AT_POINT, contextTokens, contextTokens);
    }
    Estimate lower = curves.get(hi - 1).at(concurrency);
    double w = (contextTokens - contexts[hi - 1]) / (contexts[hi] - contexts[hi - 1]);
    double value = lower.value() + w * (upper.value() - lower.value());
    AxisPlacement c = AxisPlacement.worse(lower.axes().get(0), upper.axes().get(0));
    return new Estimate(
        value,
        List.of(
            c,
            new AxisPlacement(CONTEXT, Placement.INTERPOLATED, contextTokens, contexts[hi - 1])));
  }

  private static Estimate withContext(
      Estimate along, Placement placement, double context, double edge) {
    return new Estimate(
        along.value(),
        List.of(along.axes().get(0), new AxisPlacement(CONTEXT, placement, context, edge)));
  }

  /** Running max of ITL in order of concurrency; equal concurrencies keep the larger ITL. */
  private static PiecewiseLinearCurve envelope(List<DecodePoint> sorted) {
    TreeMap<Double, Double> byConcurrency = new TreeMap<>();
    for (DecodePoint p : sorted) {
      byConcurrency.merge(p.concurrency(), p.itlMillis(), Math::max);
    }
    double[] xs = new double[byConcurrency.size()];
    double[] ys = new double[xs.length];
    int i = 0;
    double runningMax = 0;
    for (var e : byConcurrency.entrySet()) {
      runningMax = Math.max(runningMax, e.getValue());
      xs[i] = e.getKey();
      ys[i] = runningMax;
      i++;
    }
    int last = xs.length - 1;
    double meanSlope = last > 0 ? (ys[last] - ys[0]) / (xs[last] - xs[0]) : 0;
    return new PiecewiseLinearCurve(CONCURRENCY, xs, ys, true, meanSlope);
  }
}

package dev.tandem.profiles.interpolation;

import dev.tandem.profiles.model.PrefillPoint;
import java.util.List;

/**
 * TTFT(ISL) at batch 1, in ms, piecewise linear through the measured prefill points.
 *
 * <p>Why piecewise linear and not a cubic spline: TTFT grows a little faster than linearly in ISL
 * (attention is quadratic), i.e. it is convex; the chord of a convex function lies above it, so
 * linear interpolation errs towards a longer TTFT (a conservative prefill size) and can never
 * overshoot between points the way a natural cubic spline does. Each value can also be checked by
 * hand from two neighbouring points.
 *
 * <p>Outside the range: below the smallest ISL the first point's TTFT is used (clamped: a shorter
 * prompt cannot take longer, so this over-estimates slightly); above the largest ISL the last
 * segment's straight line is continued (extrapolated; flagged in the {@link Estimate}).
 */
public final class TtftCurve {

  public static final String AXIS = "isl";

  private final PiecewiseLinearCurve curve;

  public TtftCurve(List<PrefillPoint> points) {
    double[] xs = points.stream().mapToDouble(PrefillPoint::inputTokens).toArray();
    double[] ys = points.stream().mapToDouble(PrefillPoint::ttftMillis).toArray();
    // A falling last segment must not predict a shorter TTFT for longer prompts: slope >= 0.
    this.curve = new PiecewiseLinearCurve(AXIS, xs, ys, true, 0.0);
  }

  /** TTFT in ms for one request of {@code inputTokens} tokens on an idle engine. */
  public Estimate ttftMillis(double inputTokens) {
    return curve.at(inputTokens);
  }
}

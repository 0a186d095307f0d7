package dev.tandem.profiles.interpolation;

import java.util.Arrays;
import org.apache.commons.math3.analysis.interpolation.LinearInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * A piecewise-linear curve y(x) through measured points (commons-math3 {@link LinearInterpolator}),
 * with an explicit rule outside the measured range:
 *
 * <ul>
 *   <li>below the first point: the first point's y (clamped);
 *   <li>above the last point: {@code y_last + slope × (x − x_last)} where {@code slope = max(slope
 *       of the last segment, minSlopeAbove)} (extrapolated), or y_last when extrapolation is off.
 * </ul>
 *
 * Linear interpolation never overshoots: between two points the value stays between their ys, and a
 * monotone sequence of points gives a monotone curve.
 */
public final class PiecewiseLinearCurve {

  private final String axis;
  private final double[] xs;
  private final double[] ys;
  private final PolynomialSplineFunction spline;
  private final boolean extrapolateAbove;
  private final double slopeAbove;

  /**
   * @param axis axis name used in the placements
   * @param xs strictly increasing coordinates (at least one)
   * @param ys values at {@code xs}
   * @param extrapolateAbove continue the line above the last point (else clamp)
   * @param minSlopeAbove the smallest slope used above the last point
   */
  public PiecewiseLinearCurve(
      String axis, double[] xs, double[] ys, boolean extrapolateAbove, double minSlopeAbove) {
    if (xs.length == 0 || xs.length != ys.length) {
      throw new IllegalArgumentException(
          "need as many ys as xs and at least one point, got " + xs.length + " and " + ys.length);
    }
    for (int i = 1; i < xs.length; i++) {
      if (!(xs[i] > xs[i - 1])) {
        throw new IllegalArgumentException(
            axis + " points must be strictly increasing, got " + xs[i - 1] + " then " + xs[i]);
      }
    }
    this.axis = axis;
    this.xs = xs.clone();
    this.ys = ys.clone();
    this.spline = xs.length >= 2 ? new LinearInterpolator().interpolate(this.xs, this.ys) : null;
    this.extrapolateAbove = extrapolateAbove;
    int n = xs.length;
    double lastSlope = n >= 2 ? (ys[n - 1] - ys[n - 2]) / (xs[n - 1] - xs[n - 2]) : 0;
    this.slopeAbove = Math.max(lastSlope, minSlopeAbove);
  }

  public double minX() {
    return xs[0];
  }

  public double maxX() {
    return xs[xs.length - 1];
  }

  /** The slope used above the last point (when extrapolating). */
  public double slopeAbove() {
    return slopeAbove;
  }

  /** y at {@code x}, with its placement along this curve's axis. */
  public Estimate at(double x) {
    int last = xs.length - 1;
    if (x < xs[0]) {
      return one(ys[0], Placement.CLAMPED_BELOW, x, xs[0]);
    }
    if (x > xs[last]) {
      return extrapolateAbove
          ? one(ys[last] + slopeAbove * (x - xs[last]), Placement.EXTRAPOLATED_ABOVE, x, xs[last])
          : one(ys[last], Placement.CLAMPED_ABOVE, x, xs[last]);
    }
    int i = Arrays.binarySearch(xs, x);
    if (i >= 0) {
      return one(ys[i], Placement.AT_POINT, x, xs[i]);
    }
    return one(spline.value(x), Placement.INTERPOLATED, x, xs[-i - 2]);
  }

  private Estimate one(double value, Placement placement, double x, double edge) {
    return new Estimate(value, java.util.List.of(new AxisPlacement(axis, placement, x, edge)));
  }
}

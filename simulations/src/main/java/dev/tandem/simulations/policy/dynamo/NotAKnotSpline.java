package dev.tandem.simulations.policy.dynamo;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The interpolating cubic spline with not-a-knot end conditions: what SciPy's {@code interp1d(x, y,
 * kind="cubic")} (the reference planner's prefill interpolator) evaluates.
 *
 * <p>With second derivatives {@code M_i} at the knots and {@code h_i = x_{i+1} − x_i}: interior
 * rows {@code h_{i−1} M_{i−1} + 2(h_{i−1} + h_i) M_i + h_i M_{i+1} = 6 (Δ_i − Δ_{i−1})} with {@code
 * Δ_i = (y_{i+1} − y_i)/h_i}; end rows make the third derivative continuous at {@code x_1} and
 * {@code x_{n−2}}: {@code h_1 M_0 − (h_0 + h_1) M_1 + h_0 M_2 = 0} and its mirror. On {@code [x_i,
 * x_{i+1}]}: {@code S(x) = M_i (x_{i+1} − x)³/(6h) + M_{i+1} (x − x_i)³/(6h) + (y_i/h − M_i h/6)
 * (x_{i+1} − x) + (y_{i+1}/h − M_{i+1} h/6)(x − x_i)}. Fewer than four points: piecewise linear
 * (SciPy refuses a cubic there). Queries must lie within {@code [x_0, x_{n−1}]}; callers clamp.
 */
public final class NotAKnotSpline {

  private final double[] xs;
  private final double[] ys;
  private final double[] m;

  public NotAKnotSpline(double[] xs, double[] ys) {
    if (xs.length != ys.length || xs.length < 2) {
      throw new IllegalArgumentException("need >= 2 points and as many ys as xs");
    }
    for (int i = 1; i < xs.length; i++) {
      if (!(xs[i] > xs[i - 1])) {
        throw new IllegalArgumentException("xs must be strictly increasing at index " + i);
      }
    }
    this.xs = xs.clone();
    this.ys = ys.clone();
    this.m = xs.length >= 4 ? secondDerivatives(this.xs, this.ys) : new double[xs.length];
  }

  private static double[] secondDerivatives(double[] x, double[] y) {
    int n = x.length;
    double[] h = new double[n - 1];
    for (int i = 0; i < n - 1; i++) {
      h[i] = x[i + 1] - x[i];
    }
    Array2DRowRealMatrix a = new Array2DRowRealMatrix(n, n);
    RealVector b = new ArrayRealVector(n);
    a.setEntry(0, 0, h[1]);
    a.setEntry(0, 1, -(h[0] + h[1]));
    a.setEntry(0, 2, h[0]);
    for (int i = 1; i < n - 1; i++) {
      a.setEntry(i, i - 1, h[i - 1]);
      a.setEntry(i, i, 2 * (h[i - 1] + h[i]));
      a.setEntry(i, i + 1, h[i]);
      b.setEntry(i, 6 * ((y[i + 1] - y[i]) / h[i] - (y[i] - y[i - 1]) / h[i - 1]));
    }
    a.setEntry(n - 1, n - 3, h[n - 2]);
    a.setEntry(n - 1, n - 2, -(h[n - 3] + h[n - 2]));
    a.setEntry(n - 1, n - 1, h[n - 3]);
    return new LUDecomposition(a).getSolver().solve(b).toArray();
  }

  /** S(x) for {@code x} in the measured range. */
  public double value(double x) {
    int n = xs.length;
    if (x < xs[0] || x > xs[n - 1]) {
      throw new IllegalArgumentException(
          "x = " + x + " is outside [" + xs[0] + ", " + xs[n - 1] + "]: clamp first");
    }
    int i = 0;
    while (i < n - 2 && x > xs[i + 1]) {
      i++;
    }
    double h = xs[i + 1] - xs[i];
    double a = xs[i + 1] - x;
    double b = x - xs[i];
    return m[i] * a * a * a / (6 * h)
        + m[i + 1] * b * b * b / (6 * h)
        + (ys[i] / h - m[i] * h / 6) * a
        + (ys[i + 1] / h - m[i + 1] * h / 6) * b;
  }
}

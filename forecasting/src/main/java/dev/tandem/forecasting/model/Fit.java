package dev.tandem.forecasting.model;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/** Shared fitting helpers over commons-math3 optimisers. */
final class Fit {

  private Fit() {}

  static int finiteCount(double[] y) {
    int n = 0;
    for (double v : y) {
      if (Double.isFinite(v)) {
        n++;
      }
    }
    return n;
  }

  /** Mean of the finite values (NaN if none). */
  static double mean(double[] y) {
    double s = 0;
    int n = 0;
    for (double v : y) {
      if (Double.isFinite(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /**
   * Minimises {@code f} in a box with BOBYQA (derivative-free, bounded). Returns {@code start} if
   * the optimiser fails (for example on a flat objective).
   */
  static double[] minimiseInBox(
      MultivariateFunction f, double[] start, double[] lower, double[] upper, int maxEval) {
    try {
      return new BOBYQAOptimizer(2 * start.length + 1)
          .optimize(
              new MaxEval(maxEval),
              new ObjectiveFunction(f),
              GoalType.MINIMIZE,
              new InitialGuess(start),
              new SimpleBounds(lower, upper))
          .getPoint();
    } catch (RuntimeException e) {
      // TooManyEvaluations or a degenerate trust region: keep the previous parameters.
      return start;
    }
  }

  /** Minimises {@code f} without bounds by Nelder–Mead; returns {@code start} on failure. */
  static double[] minimise(MultivariateFunction f, double[] start, double step, int maxEval) {
    try {
      return new SimplexOptimizer(1e-7, 1e-9)
          .optimize(
              new MaxEval(maxEval),
              new ObjectiveFunction(f),
              GoalType.MINIMIZE,
              new InitialGuess(start),
              new NelderMeadSimplex(start.length, step))
          .getPoint();
    } catch (RuntimeException e) {
      return start;
    }
  }

  /** Missing values replaced by linear interpolation (ends held flat); all-NaN stays NaN. */
  static double[] interpolated(double[] y) {
    double[] out = y.clone();
    int prev = -1;
    for (int i = 0; i < out.length; i++) {
      if (Double.isNaN(out[i])) {
        continue;
      }
      if (prev < 0) {
        java.util.Arrays.fill(out, 0, i, out[i]);
      } else {
        for (int j = prev + 1; j < i; j++) {
          out[j] = out[prev] + (out[i] - out[prev]) * (j - prev) / (i - prev);
        }
      }
      prev = i;
    }
    if (prev >= 0) {
      java.util.Arrays.fill(out, prev + 1, out.length, out[prev]);
    }
    return out;
  }
}

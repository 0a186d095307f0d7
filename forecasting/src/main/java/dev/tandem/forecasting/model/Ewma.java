package dev.tandem.forecasting.model;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Exponentially weighted moving average (simple exponential smoothing): ℓ_t = α·y_t +
 * (1−α)·ℓ_{t−1}, ŷ_{t+h} = ℓ_t. α ∈ [0.01, 1] is refitted by Brent's method on the one-step squared
 * error of the history (α = 1 is the last value).
 */
public final class Ewma extends AbstractModel {

  private double alpha = 0.5;
  private double level = Double.NaN;

  @Override
  public String name() {
    return "ewma";
  }

  @Override
  protected void update(double y) {
    level = Double.isNaN(level) ? y : alpha * y + (1 - alpha) * level;
  }

  @Override
  public void forecast(double[] path) {
    fill(path, level);
  }

  @Override
  public void refit(double[] history) {
    if (Fit.finiteCount(history) < 8) {
      return;
    }
    alpha =
        new BrentOptimizer(1e-4, 1e-6)
            .optimize(
                new MaxEval(200),
                GoalType.MINIMIZE,
                new SearchInterval(0.01, 1.0),
                new UnivariateObjectiveFunction(a -> sse(history, a)))
            .getPoint();
  }

  static double sse(double[] y, double a) {
    double l = Double.NaN;
    double sse = 0;
    for (double v : y) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (Double.isNaN(l)) {
        l = v;
        continue;
      }
      sse += (v - l) * (v - l);
      l = a * v + (1 - a) * l;
    }
    return sse;
  }

  double alpha() {
    return alpha;
  }

  @Override
  public double[] save() {
    return new double[] {alpha, level};
  }

  @Override
  public void restore(double[] state) {
    alpha = state[0];
    level = state[1];
  }
}

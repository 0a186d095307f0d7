package dev.tandem.forecasting.model;

/**
 * Holt's linear method with a damped trend (Gardner and McKenzie):
 *
 * <pre>
 * ℓ_t = α·y_t + (1−α)(ℓ_{t−1} + φ·b_{t−1})
 * b_t = β·(ℓ_t − ℓ_{t−1}) + (1−β)·φ·b_{t−1}
 * ŷ_{t+h} = ℓ_t + (φ + φ² + … + φ^h)·b_t
 * </pre>
 *
 * α ∈ [0.01, 1], β ∈ [0, 0.5], φ ∈ [0.5, 0.98] are refitted with BOBYQA on the one-step squared
 * error of the history; the state is then rebuilt by replaying the history.
 */
public final class HoltDamped extends AbstractModel {

  private double alpha = 0.5;
  private double beta = 0.05;
  private double phi = 0.9;
  private double level = Double.NaN;
  private double trend;

  @Override
  public String name() {
    return "holt-damped";
  }

  @Override
  protected void update(double y) {
    if (Double.isNaN(level)) {
      level = y;
      trend = 0;
      return;
    }
    double previous = level;
    level = alpha * y + (1 - alpha) * (level + phi * trend);
    trend = beta * (level - previous) + (1 - beta) * phi * trend;
  }

  @Override
  public void forecast(double[] path) {
    double damp = 0;
    double power = 1;
    for (int h = 1; h <= path.length; h++) {
      power *= phi;
      damp += power;
      path[h - 1] = level + damp * trend;
    }
  }

  @Override
  public void refit(double[] history) {
    if (Fit.finiteCount(history) < 16) {
      return;
    }
    double[] p =
        Fit.minimiseInBox(
            x -> sse(history, x[0], x[1], x[2]),
            new double[] {
              clamp(alpha, 0.011, 0.999), clamp(beta, 0.001, 0.499), clamp(phi, 0.51, 0.97)
            },
            new double[] {0.01, 0.0, 0.5},
            new double[] {1.0, 0.5, 0.98},
            600);
    alpha = p[0];
    beta = p[1];
    phi = p[2];
    level = Double.NaN;
    for (double v : history) {
      observe(v);
    }
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  static double sse(double[] y, double a, double b, double f) {
    double l = Double.NaN;
    double t = 0;
    double sse = 0;
    for (double v : y) {
      if (Double.isNaN(l)) {
        if (!Double.isNaN(v)) {
          l = v;
        }
        continue;
      }
      double predicted = l + f * t;
      double x = Double.isNaN(v) ? predicted : v;
      sse += (x - predicted) * (x - predicted);
      double previous = l;
      l = a * x + (1 - a) * predicted;
      t = b * (l - previous) + (1 - b) * f * t;
    }
    return sse;
  }

  @Override
  public double[] save() {
    return new double[] {alpha, beta, phi, level, trend};
  }

  @Override
  public void restore(double[] s) {
    alpha = s[0];
    beta = s[1];
    phi = s[2];
    level = s[3];
    trend = s[4];
  }
}

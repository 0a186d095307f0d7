package dev.tandem.simulations.policy.dynamo.arima;

/**
 * Minimises a sum of squared residuals {@code C(x) = Σ u_t(x)²} by Levenberg–Marquardt with
 * Nielsen's damping update (Madsen, Nielsen &amp; Tingleff 2004, algorithms 3.16 and, for the
 * Jacobian, the secant variant 3.34):
 *
 * <pre>
 * (JᵀJ + μ I) δ = −Jᵀu,   ρ = (C(x) − C(x + δ)) / (δᵀ(μ δ − Jᵀu))
 * ρ &gt; 0: x ← x + δ, μ ← μ · max(1/3, 1 − (2ρ − 1)³), ν ← 2;   otherwise μ ← μ ν, ν ← 2ν
 * J ← J + (u(x + δ) − u(x) − J δ) δᵀ / δᵀδ   after every evaluated step (Broyden)
 * </pre>
 *
 * {@code J} starts as forward differences and is differenced afresh, instead of raising μ, when a
 * step taken with an updated {@code J} fails (each difference costs one evaluation per parameter,
 * an update none). It starts from {@code μ = 10⁻³ max diag(JᵀJ)} and stops when an accepted step
 * lowers C by less than a relative 10⁻⁶ (for 100 points, log L within ≈ 10⁻⁴), the step is below
 * 10⁻⁶ (|x| + 10⁻⁶), the gradient vanishes, or the evaluation budget is spent, returning the last
 * accepted (best) point. Where the residuals cannot be computed (a filter that breaks down) the
 * cost is +∞ and the step is refused. Written out rather than using commons-math3's {@code
 * LevenbergMarquardtOptimizer} (differenced Jacobian every iteration, allocation per iteration)
 * because it runs some 10⁵ times in a 14-day simulation on matrices of at most 100 × 10.
 */
final class ResidualMinimizer {

  /** Residuals at {@code x} into {@code out}; false where they are undefined. */
  interface Residuals {
    boolean compute(double[] x, double[] out);
  }

  private static final double TOLERANCE = 1e-6;

  private ResidualMinimizer() {}

  /** The best {@code x} found from {@code start}, within {@code maxEvaluations} residual calls. */
  static double[] minimize(Residuals f, double[] start, int observations, int maxEvaluations) {
    int k = start.length;
    double[] x = start.clone();
    double[] u = new double[observations];
    double cost = cost(f, x, u);
    if (k == 0 || !Double.isFinite(cost)) {
      return x;
    }
    int evaluations = 1;
    // Column-major: cols[j][t] = ∂u_t/∂x_j, so the products below run over contiguous arrays.
    double[][] cols = new double[k][observations];
    double[] predictedChange = new double[observations];
    double[][] a = new double[k][k];
    double[] g = new double[k];
    double[] delta = new double[k];
    double[] trial = new double[k];
    double[] uTrial = new double[observations];
    double[] shifted = new double[k];
    double mu = -1;
    double nu = 2;
    boolean needDifferences = true;
    while (evaluations < maxEvaluations) {
      boolean differenced = needDifferences;
      if (needDifferences) {
        if (evaluations + k > maxEvaluations || !jacobian(f, x, u, cols, shifted, uTrial)) {
          return x;
        }
        evaluations += k;
        needDifferences = false;
      }
      normalEquations(cols, u, a, g);
      double gMax = 0;
      double aMax = 0;
      for (int i = 0; i < k; i++) {
        gMax = Math.max(gMax, Math.abs(g[i]));
        aMax = Math.max(aMax, a[i][i]);
      }
      if (gMax <= 1e-12 * Math.max(1, cost)) {
        if (differenced) {
          return x;
        }
        needDifferences = true;
        continue;
      }
      if (mu < 0) {
        mu = 1e-3 * aMax;
      }
      if (!solveDamped(a, g, mu, delta)) {
        mu *= nu;
        nu *= 2;
        if (!Double.isFinite(mu)) {
          return x;
        }
        continue;
      }
      double stepNorm = 0;
      double xNorm = 0;
      for (int i = 0; i < k; i++) {
        stepNorm += delta[i] * delta[i];
        xNorm += x[i] * x[i];
        trial[i] = x[i] + delta[i];
      }
      if (Math.sqrt(stepNorm) <= TOLERANCE * (Math.sqrt(xNorm) + TOLERANCE)) {
        return x;
      }
      double trialCost = cost(f, trial, uTrial);
      evaluations++;
      double predicted = 0;
      for (int i = 0; i < k; i++) {
        predicted += delta[i] * (mu * delta[i] - g[i]);
      }
      double rho = (cost - trialCost) / predicted;
      boolean accepted = Double.isFinite(trialCost) && rho > 0;
      if (Double.isFinite(trialCost)) {
        broyden(cols, u, uTrial, delta, stepNorm, predictedChange);
      }
      if (accepted) {
        double gain = cost - trialCost;
        System.arraycopy(trial, 0, x, 0, k);
        System.arraycopy(uTrial, 0, u, 0, observations);
        cost = trialCost;
        double c = 2 * rho - 1;
        mu *= Math.max(1.0 / 3, 1 - c * c * c);
        nu = 2;
        if (gain <= TOLERANCE * cost) {
          return x;
        }
      } else if (!differenced) {
        // A secant Jacobian misled the step: difference afresh before damping more.
        needDifferences = true;
      } else {
        mu *= nu;
        nu *= 2;
      }
    }
    return x;
  }

  /** Broyden's rank-one secant update {@code J ← J + (Δu − J δ) δᵀ / δᵀδ}. */
  private static void broyden(
      double[][] cols,
      double[] u,
      double[] uTrial,
      double[] delta,
      double stepNormSquared,
      double[] residual) {
    int n = u.length;
    for (int t = 0; t < n; t++) {
      residual[t] = uTrial[t] - u[t];
    }
    for (int i = 0; i < cols.length; i++) {
      double[] col = cols[i];
      double di = delta[i];
      for (int t = 0; t < n; t++) {
        residual[t] -= col[t] * di;
      }
    }
    for (int i = 0; i < cols.length; i++) {
      double[] col = cols[i];
      double di = delta[i] / stepNormSquared;
      for (int t = 0; t < n; t++) {
        col[t] += residual[t] * di;
      }
    }
  }

  private static double cost(Residuals f, double[] x, double[] out) {
    if (!f.compute(x, out)) {
      return Double.POSITIVE_INFINITY;
    }
    double c = 0;
    for (double v : out) {
      c += v * v;
    }
    return Double.isFinite(c) ? c : Double.POSITIVE_INFINITY;
  }

  private static boolean jacobian(
      Residuals f, double[] x, double[] u, double[][] cols, double[] shifted, double[] out) {
    System.arraycopy(x, 0, shifted, 0, x.length);
    for (int j = 0; j < x.length; j++) {
      double h = 1e-7 * Math.max(1, Math.abs(x[j]));
      shifted[j] = x[j] + h;
      if (!Double.isFinite(cost(f, shifted, out))) {
        h = -h;
        shifted[j] = x[j] + h;
        if (!Double.isFinite(cost(f, shifted, out))) {
          return false;
        }
      }
      double[] col = cols[j];
      double inv = 1 / h;
      for (int t = 0; t < u.length; t++) {
        col[t] = (out[t] - u[t]) * inv;
      }
      shifted[j] = x[j];
    }
    return true;
  }

  private static void normalEquations(double[][] cols, double[] u, double[][] a, double[] g) {
    int k = g.length;
    for (int i = 0; i < k; i++) {
      double[] ci = cols[i];
      g[i] = dot(ci, u);
      for (int j = 0; j <= i; j++) {
        a[i][j] = dot(ci, cols[j]);
        a[j][i] = a[i][j];
      }
    }
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int t = 0; t < x.length; t++) {
      s += x[t] * y[t];
    }
    return s;
  }

  /** Solves {@code (A + μI) δ = −g} by Cholesky; false when not positive definite. */
  private static boolean solveDamped(double[][] a, double[] g, double mu, double[] delta) {
    int k = g.length;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j] + (i == j ? mu : 0);
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        if (i == j) {
          if (!(s > 0)) {
            return false;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    for (int i = 0; i < k; i++) {
      double s = -g[i];
      for (int m = 0; m < i; m++) {
        s -= l[i][m] * delta[m];
      }
      delta[i] = s / l[i][i];
    }
    for (int i = k - 1; i >= 0; i--) {
      double s = delta[i];
      for (int m = i + 1; m < k; m++) {
        s -= l[m][i] * delta[m];
      }
      delta[i] = s / l[i][i];
    }
    return true;
  }
}

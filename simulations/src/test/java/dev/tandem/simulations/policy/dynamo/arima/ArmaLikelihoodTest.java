package dev.tandem.simulations.policy.dynamo.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/** The Kalman-filter likelihood against the multivariate normal density written out directly. */
class ArmaLikelihoodTest {

  private static double[] series(long seed, int n) {
    Random rnd = new Random(seed);
    double[] w = new double[n];
    double prev = 0;
    for (int t = 0; t < n; t++) {
      prev = 0.5 * prev + rnd.nextGaussian();
      w[t] = 3 + prev;
    }
    return w;
  }

  /**
   * AR(1) without mean: {@code log L = −n/2 (log 2π + 1 + log σ̂²) + ½ log(1 − φ²)}, σ̂² = [(1 −
   * φ²) x_1² + Σ (x_t − φ x_{t−1})²]/n.
   */
  @Test
  void ar1MatchesItsClosedForm() {
    double[] w = series(1, 60);
    double phi = 0.6;
    double q = (1 - phi * phi) * w[0] * w[0];
    for (int t = 1; t < w.length; t++) {
      q += Math.pow(w[t] - phi * w[t - 1], 2);
    }
    int n = w.length;
    double expected =
        -0.5 * n * (Math.log(2 * Math.PI) + 1 + Math.log(q / n)) + 0.5 * Math.log(1 - phi * phi);
    ArmaLikelihood.Evaluation e =
        new ArmaLikelihood(w, 1, 0, false).evaluate(new double[] {phi}, new double[0]);
    assertThat(e.logLikelihood()).isCloseTo(expected, within(1e-9));
    assertThat(e.forecast()).isCloseTo(phi * w[n - 1], within(1e-12));
  }

  /**
   * ARMA(2,1) and MA(2) with a mean: Γ from the ψ-weights, {@code γ(h) = Σ ψ_j ψ_{j+h}}; GLS mean;
   * {@code σ̂² = (w − μ̂)'Γ⁻¹(w − μ̂)/n}; {@code log L = −n/2 (log 2π + 1 + log σ̂²) − ½ log det
   * Γ}; the forecast {@code μ̂ + γ'Γ⁻¹(w − μ̂)} with {@code γ = (γ(n), …, γ(1))}.
   */
  @Test
  void armaMatchesTheDirectGaussianDensity() {
    double[][][] models = {
      {{0.5, -0.3}, {0.4}},
      {{}, {0.7, -0.2}},
      {{1.2, -0.5}, {-0.3}},
    };
    for (double[][] m : models) {
      double[] w = series(3, 40);
      double[] phi = m[0];
      double[] theta = m[1];
      ArmaLikelihood.Evaluation e =
          new ArmaLikelihood(w, phi.length, theta.length, true).evaluate(phi, theta);
      double[] direct = direct(w, phi, theta);
      assertThat(e.mean()).isCloseTo(direct[0], within(1e-8));
      assertThat(e.logLikelihood()).isCloseTo(direct[1], within(1e-7));
      assertThat(e.forecast()).isCloseTo(direct[2], within(1e-7));
    }
  }

  /** {mean, log L, forecast} by dense linear algebra. */
  private static double[] direct(double[] w, double[] phi, double[] theta) {
    int n = w.length;
    int terms = 4000;
    double[] psi = new double[terms];
    for (int j = 0; j < terms; j++) {
      double v = j == 0 ? 1 : (j - 1 < theta.length ? theta[j - 1] : 0);
      for (int i = 0; i < phi.length && j - 1 - i >= 0; i++) {
        v += phi[i] * psi[j - 1 - i];
      }
      psi[j] = v;
    }
    double[] gamma = new double[n + 1];
    for (int h = 0; h <= n; h++) {
      for (int j = 0; j + h < terms; j++) {
        gamma[h] += psi[j] * psi[j + h];
      }
    }
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        g[i][j] = gamma[Math.abs(i - j)];
      }
    }
    CholeskyDecomposition chol = new CholeskyDecomposition(new Array2DRowRealMatrix(g));
    DecompositionSolver solver = chol.getSolver();
    RealVector ones = new ArrayRealVector(n, 1.0);
    RealVector data = new ArrayRealVector(w);
    double mean = solver.solve(ones).dotProduct(data) / solver.solve(ones).dotProduct(ones);
    RealVector centred = data.mapSubtract(mean);
    RealVector weights = solver.solve(centred);
    double sigma2 = centred.dotProduct(weights) / n;
    double logDet = Math.log(chol.getDeterminant());
    double logL = -0.5 * n * (Math.log(2 * Math.PI) + 1 + Math.log(sigma2)) - 0.5 * logDet;
    double forecast = mean;
    for (int i = 0; i < n; i++) {
      forecast += gamma[n - i] * weights.getEntry(i);
    }
    return new double[] {mean, logL, forecast};
  }

  @Test
  void nonStationaryParametersAreRefused() {
    double[] w = series(5, 30);
    assertThat(new ArmaLikelihood(w, 1, 0, true).evaluate(new double[] {1.0}, new double[0]))
        .isNull();
    assertThat(new ArmaLikelihood(w, 2, 0, true).evaluate(new double[] {0.5, 0.6}, new double[0]))
        .isNull();
  }
}

package dev.tandem.simulations.policy.dynamo.arima;

/**
 * Keeps an AR polynomial {@code 1 − Σ a_i z^i} stationary (all roots outside the unit circle)
 * during optimisation, as statsmodels' {@code enforce_stationarity} / {@code enforce_invertibility}
 * do (Monahan 1984, Jones 1980): each free real {@code x_k} becomes a partial autocorrelation
 * {@code r_k = x_k / √(1 + x_k²)} ∈ (−1, 1), and the Durbin–Levinson recursion turns those into
 * coefficients:
 *
 * <pre>
 * a^(k)_k = r_k,   a^(k)_i = a^(k−1)_i − r_k a^(k−1)_{k−i}   (i &lt; k)
 * </pre>
 *
 * The MA polynomial {@code 1 + Σ θ_j z^j} is the same map applied to {@code −θ}. The step-down
 * recursion inverts it and doubles as a root test: every inverse root has modulus below {@code ρ}
 * exactly when the step-down of {@code a_i / ρ^i} keeps every {@code |r_k| &lt; 1}.
 */
final class StationaryTransform {

  private StationaryTransform() {}

  /** Coefficients {@code a} of a stationary polynomial from free reals {@code x}. */
  static double[] constrain(double[] x, int from, int length) {
    double[] a = new double[length];
    double[] prev = new double[length];
    for (int k = 0; k < length; k++) {
      double v = x[from + k];
      double r = v / Math.sqrt(1 + v * v);
      System.arraycopy(a, 0, prev, 0, k);
      a[k] = r;
      for (int i = 0; i < k; i++) {
        a[i] = prev[i] - r * prev[k - 1 - i];
      }
    }
    return a;
  }

  /**
   * The partial autocorrelations of {@code 1 − Σ a_i z^i} (step-down), or null when the polynomial
   * is not stationary.
   */
  static double[] partialAutocorrelations(double[] a) {
    int p = a.length;
    double[] cur = a.clone();
    double[] r = new double[p];
    for (int k = p - 1; k >= 0; k--) {
      double rk = cur[k];
      if (!(Math.abs(rk) < 1)) {
        return null;
      }
      r[k] = rk;
      double scale = 1 - rk * rk;
      double[] next = new double[k];
      for (int i = 0; i < k; i++) {
        next[i] = (cur[i] + rk * cur[k - 1 - i]) / scale;
      }
      System.arraycopy(next, 0, cur, 0, k);
    }
    return r;
  }

  /**
   * Free reals that {@link #constrain} maps to {@code a}, each partial autocorrelation clipped to
   * ±{@code clip}; null when {@code a} is not stationary.
   */
  static double[] unconstrain(double[] a, double clip) {
    double[] r = partialAutocorrelations(a);
    if (r == null) {
      return null;
    }
    double[] x = new double[r.length];
    for (int k = 0; k < r.length; k++) {
      double rk = Math.max(-clip, Math.min(clip, r[k]));
      x[k] = rk / Math.sqrt(1 - rk * rk);
    }
    return x;
  }

  /** Whether every inverse root of {@code 1 − Σ a_i z^i} has modulus below {@code rho}. */
  static boolean inverseRootsBelow(double[] a, double rho) {
    double[] scaled = new double[a.length];
    double f = 1;
    for (int i = 0; i < a.length; i++) {
      f /= rho;
      scaled[i] = a[i] * f;
    }
    return partialAutocorrelations(scaled) != null;
  }

  /** {@code −v}, elementwise. */
  static double[] negate(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = -v[i];
    }
    return out;
  }
}

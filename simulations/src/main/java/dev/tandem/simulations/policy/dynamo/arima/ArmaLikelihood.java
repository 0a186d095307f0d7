package dev.tandem.simulations.policy.dynamo.arima;

/**
 * The exact Gaussian likelihood of a stationary ARMA(p, q) with an optional mean, by the Kalman
 * filter on Harvey's state-space form (what statsmodels' SARIMAX evaluates), with the mean and the
 * innovation variance profiled out.
 *
 * <p>{@code x_t = w_t − μ = Z α_t}, {@code α_{t+1} = T α_t + R η_{t+1}}, {@code r = max(p, q+1)}:
 * {@code T} has {@code φ} in its first column and ones on its superdiagonal, {@code R = (1, θ_1, …,
 * θ_{r−1})'}, {@code Z = (1, 0, …, 0)}, {@code Var η = σ²}. The filter starts from {@code a_1 = 0}
 * and the stationary covariance {@code P_1 = T P_1 T' + R R'} (solved as a linear system) and runs
 * {@code v_t = x_t − a_t[0]}, {@code F_t = P_t[0][0]}, {@code K_t = K̄_t/F_t} with {@code K̄_t = T
 * P_t Z'}, {@code a_{t+1} = T a_t + K_t v_t}. Instead of the Riccati recursion for {@code P} it
 * runs the equivalent Chandrasekhar recursions (Morf, Sidhu &amp; Kailath 1974): from a stationary
 * start {@code P_{t+1} − P_t = M_t W_t W_t'} has rank one ({@code W_1 = K̄_1}, {@code M_1 =
 * −1/F_1}), so with {@code z = W_t[0]}: {@code F_{t+1} = F_t + M_t z²}, {@code K̄_{t+1} = K̄_t +
 * M_t z T W_t}, {@code W_{t+1} = T W_t − K̄_t z/F_t}, {@code M_{t+1} = M_t − M_t² z²/F_{t+1}}, O(r)
 * per step (only the first column of {@code P_1} is used). Once a step changes F and K̄ by less
 * than 10⁻¹¹ max(1, F) (steady state) they are frozen. Running the same filter on the data and on a
 * column of ones gives the GLS (= maximum-likelihood, given φ, θ) mean {@code μ̂ = Σ v¹_t v^w_t/F_t
 * / Σ (v¹_t)²/F_t}, and with {@code v_t = v^w_t − μ̂ v¹_t}:
 *
 * <pre>
 * σ̂² = Σ v_t²/F_t / n
 * log L = −n/2 (log 2π + 1 + log σ̂²) − ½ Σ log F_t
 * </pre>
 *
 * Maximising {@code log L} is minimising {@code Σ u_t²} with {@code u_t = v_t/√F_t · (Π
 * F_t)^{1/2n}} — a least-squares problem ({@link #scaledInnovations}). The one-step forecast is
 * {@code ŵ_{n+1} = μ̂ + a_{n+1}[0]}, the conditional mean given all {@code n} values.
 */
final class ArmaLikelihood {

  /** Largest change of P (relative to max(1, F)) at which the filter counts as steady. */
  private static final double STEADY = 1e-11;

  /** The profiled fit at one (φ, θ). */
  record Evaluation(double logLikelihood, double sigma2, double mean, double forecast) {}

  private final double[] w;
  private final int p;
  private final int q;
  private final boolean withMean;
  private final int r;
  private final double[] phi;
  private final double[] rv;
  private final double[] pm;
  private final double[] wv;
  private final double[] c;
  private final double[] k;
  private final double[] aw;
  private final double[] a1;
  private final double[] vw;
  private final double[] v1;
  private final double[] f;
  private final double[] invF;
  private final double[] invSqrtF;
  private final double[][] lyapunov;
  private final double[] rhs;
  private int steadyFrom;

  ArmaLikelihood(double[] w, int p, int q, boolean withMean) {
    this.w = w;
    this.p = p;
    this.q = q;
    this.withMean = withMean;
    this.r = Math.max(p, q + 1);
    this.phi = new double[r];
    this.rv = new double[r];
    this.pm = new double[(r + 1) * (r + 1)];
    this.wv = new double[r + 1];
    this.c = new double[r];
    this.k = new double[r];
    this.aw = new double[r + 1];
    this.a1 = new double[r + 1];
    this.vw = new double[w.length];
    this.v1 = new double[w.length];
    this.f = new double[w.length];
    this.invF = new double[w.length];
    this.invSqrtF = new double[w.length];
    this.lyapunov = new double[r * (r + 1) / 2][r * (r + 1) / 2];
    this.rhs = new double[r * (r + 1) / 2];
  }

  /** The fit at (φ, θ), or null when the filter breaks down (non-stationary, singular). */
  Evaluation evaluate(double[] ar, double[] ma) {
    if (!filter(ar, ma)) {
      return null;
    }
    int n = w.length;
    double mean = profiledMean();
    double ss = 0;
    for (int t = 0; t < n; t++) {
      double v = vw[t] - mean * v1[t];
      ss += v * v * invF[t];
    }
    double sumLogF = sumLogF();
    double sigma2 = ss / n;
    double logL = -0.5 * n * (Math.log(2 * Math.PI) + 1 + Math.log(sigma2)) - 0.5 * sumLogF;
    double forecast = mean + aw[0] - mean * a1[0];
    if (!Double.isFinite(logL) || !Double.isFinite(forecast)) {
      return null;
    }
    return new Evaluation(logL, sigma2, mean, forecast);
  }

  /**
   * {@code u_t} whose sum of squares is minimal where the likelihood is maximal, written into
   * {@code out}; false when the filter breaks down.
   */
  boolean scaledInnovations(double[] ar, double[] ma, double[] out) {
    if (!filter(ar, ma)) {
      return false;
    }
    int n = w.length;
    double mean = profiledMean();
    double scale = Math.exp(sumLogF() / (2.0 * n));
    for (int t = 0; t < n; t++) {
      out[t] = (vw[t] - mean * v1[t]) * invSqrtF[t] * scale;
    }
    return Double.isFinite(scale);
  }

  /**
   * {@code Σ log F_t}: one logarithm for the frozen steady-state tail, and products of at most a
   * few terms before (each {@code F_t ≥ 1}), since logarithms dominate the cost otherwise.
   */
  private double sumLogF() {
    int n = w.length;
    double sum = (n - steadyFrom) * Math.log(f[n - 1]);
    double product = 1;
    for (int t = 0; t < steadyFrom; t++) {
      product *= f[t];
      if (product > 1e100) {
        sum += Math.log(product);
        product = 1;
      }
    }
    return sum + Math.log(product);
  }

  private double profiledMean() {
    if (!withMean) {
      return 0;
    }
    double s11 = 0;
    double s1w = 0;
    for (int t = 0; t < w.length; t++) {
      double weighted = v1[t] * invF[t];
      s11 += weighted * v1[t];
      s1w += weighted * vw[t];
    }
    return s1w / s11;
  }

  private boolean filter(double[] ar, double[] ma) {
    for (int i = 0; i < r; i++) {
      phi[i] = i < p ? ar[i] : 0;
      rv[i] = i == 0 ? 1 : (i - 1 < q ? ma[i - 1] : 0);
      aw[i] = 0;
      a1[i] = 0;
    }
    if (!stationaryCovariance()) {
      return false;
    }
    // Chandrasekhar recursions: with a stationary start, P_{t+1} − P_t = M_t W_t W_t' has rank
    // one, so F and K̄ = T P Z' update in O(r) per step instead of the Riccati O(r²).
    int s = r + 1;
    double ft = pm[0];
    for (int i = 0; i < r; i++) {
      c[i] = phi[i] * ft + pm[(i + 1) * s];
      wv[i] = c[i];
    }
    double mt = -1 / ft;
    boolean steady = false;
    steadyFrom = w.length;
    for (int t = 0; t < w.length; t++) {
      if (!(ft > 0) || !Double.isFinite(ft)) {
        return false;
      }
      f[t] = ft;
      if (steady) {
        invF[t] = invF[t - 1];
        invSqrtF[t] = invSqrtF[t - 1];
      } else {
        invSqrtF[t] = 1 / Math.sqrt(ft);
        invF[t] = invSqrtF[t] * invSqrtF[t];
        for (int i = 0; i < r; i++) {
          k[i] = c[i] * invF[t];
        }
      }
      double vwt = w[t] - aw[0];
      double v1t = 1 - a1[0];
      vw[t] = vwt;
      v1[t] = v1t;
      double w0 = aw[0];
      double o0 = a1[0];
      for (int i = 0; i < r; i++) {
        aw[i] = phi[i] * w0 + aw[i + 1] + k[i] * vwt;
      }
      if (withMean) {
        for (int i = 0; i < r; i++) {
          a1[i] = phi[i] * o0 + a1[i + 1] + k[i] * v1t;
        }
      }
      if (!steady) {
        // F' = F + M (ZW)², K̄' = K̄ + M (ZW) TW, W' = TW − K̄ (ZW)/F, M' = M − M² (ZW)²/F'.
        double zw = wv[0];
        double next = ft + mt * zw * zw;
        double change = Math.abs(mt * zw * zw);
        double wFactor = zw / ft;
        double scale = mt * zw;
        for (int i = 0; i < r; i++) {
          double tw = phi[i] * zw + wv[i + 1];
          double dk = scale * tw;
          change = Math.max(change, Math.abs(dk));
          wv[i] = tw - c[i] * wFactor;
          c[i] += dk;
        }
        mt -= mt * mt * zw * zw / next;
        ft = next;
        steady = change < STEADY * Math.max(1, ft);
        if (steady) {
          // F_{t+1} onwards equal the frozen F.
          steadyFrom = t + 1;
        }
      }
    }
    return true;
  }

  /**
   * Solves {@code P = T P T' + R R'} for the stationary state covariance into {@code pm}, as a
   * linear system in the r(r+1)/2 unknowns {@code P[i][j]}, i ≤ j.
   */
  private boolean stationaryCovariance() {
    java.util.Arrays.fill(pm, 0);
    if (r == 1) {
      double denominator = 1 - phi[0] * phi[0];
      if (!(denominator > 0)) {
        return false;
      }
      pm[0] = 1 / denominator;
      return true;
    }
    int size = r * (r + 1) / 2;
    // Row (i, j): P[i][j] − φ_i φ_j P[0][0] − φ_i P[0][j+1] − φ_j P[i+1][0] − P[i+1][j+1] = R_i R_j
    // (terms with an index r are zero).
    for (int i = 0; i < r; i++) {
      for (int j = i; j < r; j++) {
        int row = symmetricIndex(i, j);
        double[] eq = lyapunov[row];
        java.util.Arrays.fill(eq, 0, size, 0);
        eq[row] += 1;
        eq[0] -= phi[i] * phi[j];
        if (j + 1 < r) {
          eq[symmetricIndex(0, j + 1)] -= phi[i];
        }
        if (i + 1 < r) {
          eq[symmetricIndex(0, i + 1)] -= phi[j];
        }
        if (j + 1 < r) {
          eq[symmetricIndex(i + 1, j + 1)] -= 1;
        }
        rhs[row] = rv[i] * rv[j];
      }
    }
    if (!LinearSolve.inPlace(lyapunov, rhs, size)) {
      return false;
    }
    for (int i = 0; i < r; i++) {
      for (int j = i; j < r; j++) {
        pm[i * (r + 1) + j] = rhs[symmetricIndex(i, j)];
        pm[j * (r + 1) + i] = pm[i * (r + 1) + j];
      }
    }
    return true;
  }

  /** Index of {@code P[i][j]}, i ≤ j, among the upper-triangle unknowns (row-major). */
  private int symmetricIndex(int i, int j) {
    return i * r - i * (i - 1) / 2 + (j - i);
  }
}

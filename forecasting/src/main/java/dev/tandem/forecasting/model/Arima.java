package dev.tandem.forecasting.model;

/**
 * ARIMA(p, d, q) with p, q ∈ {0, 1, 2}, d ∈ {0, 1}, the order chosen by AICc at each refit (ties go
 * to d = 1, the random walk family). With z_t the d-times differenced series and μ its mean (for d
 * = 1 a drift):
 *
 * <pre>
 * z_t − μ = Σ_{i≤p} φ_i (z_{t−i} − μ) + e_t + Σ_{j≤q} θ_j e_{t−j}
 * AICc = n·ln(SSE/n) + 2k + 2k(k+1)/(n−k−1),  k = p + q + 2
 * </pre>
 *
 * Estimation is conditional least squares (pre-sample residuals 0) minimised by Nelder–Mead
 * (commons-math3) over the last ≤ 720 values (missing values interpolated for fitting), inside the
 * exact stationarity and invertibility regions (the AR(2)/MA(2) triangles, {@link #outsideAr2}).
 * The sufficient condition Σ|φ| &lt; 1 used before excluded exactly the AR(2) models that carry a
 * cycle (y_t ≈ 2cos(ω) y_{t−1} − y_{t−2}: φ₁ ≈ 1.9, φ₂ ≈ −1 for a period of 20 ticks), so a load
 * that swings with a period of minutes could only be followed, never anticipated. Forecasts iterate
 * the recursion with future errors 0 and integrate back. Before the first fit the model is
 * ARIMA(0,1,0), the last value.
 */
public final class Arima extends AbstractModel {

  private static final int MAX_FIT = 720;
  private int p;
  private int d = 1;
  private int q;
  private double mu;
  private final double[] phi = new double[2];
  private final double[] theta = new double[2];

  /** y_t, y_{t−1}, y_{t−2}, y_{t−3} (index 0 = latest). */
  private final double[] y = new double[4];

  /** e_t, e_{t−1}. */
  private final double[] e = new double[2];

  private long count;

  @Override
  public String name() {
    return "arima";
  }

  /** The selected order (p, d, q). */
  public int[] order() {
    return new int[] {p, d, q};
  }

  private double z(int lag) {
    return d == 0 ? y[lag] : y[lag] - y[lag + 1];
  }

  private double oneStepZ() {
    double f = mu;
    for (int i = 0; i < p; i++) {
      f += phi[i] * (z(i) - mu);
    }
    for (int j = 0; j < q; j++) {
      f += theta[j] * e[j];
    }
    return f;
  }

  @Override
  protected void update(double v) {
    double residual = 0;
    if (count > p + d) {
      double predicted = d == 0 ? oneStepZ() : y[0] + oneStepZ();
      residual = v - predicted;
    }
    System.arraycopy(y, 0, y, 1, 3);
    y[0] = v;
    e[1] = e[0];
    e[0] = residual;
    count++;
  }

  @Override
  public void forecast(double[] path) {
    if (count == 0) {
      fill(path, Double.NaN);
      return;
    }
    if (count <= p + d) {
      fill(path, y[0]);
      return;
    }
    double[] zs = {z(0), p > 1 ? z(1) : 0};
    double[] es = {e[0], e[1]};
    double last = y[0];
    for (int h = 1; h <= path.length; h++) {
      double f = mu;
      for (int i = 0; i < p; i++) {
        f += phi[i] * (zs[i] - mu);
      }
      for (int j = 0; j < q; j++) {
        f += theta[j] * es[j];
      }
      zs[1] = zs[0];
      zs[0] = f;
      es[1] = es[0];
      es[0] = 0;
      last = d == 0 ? f : last + f;
      path[h - 1] = last;
    }
  }

  @Override
  public void refit(double[] history) {
    if (Fit.finiteCount(history) < 30) {
      return;
    }
    int from = Math.max(0, history.length - MAX_FIT);
    double[] w = Fit.interpolated(java.util.Arrays.copyOfRange(history, from, history.length));
    // relative numerical floor: exact fits (a constant, a line) tie, and ties keep the first
    double level = Fit.mean(w);
    double floor = 1e-12 * (w.length - 3) * Math.max(1, level * level);
    double best = Double.POSITIVE_INFINITY;
    double[] bestParams = null;
    int[] bestOrder = null;
    for (int dd = 1; dd >= 0; dd--) {
      double[] zz = difference(w, dd);
      double mean = Fit.mean(zz);
      double scale = Math.max(1e-9, Math.sqrt(variance(zz)));
      for (int pp = 0; pp <= 2; pp++) {
        for (int qq = 0; qq <= 2; qq++) {
          final int fp = pp;
          final int fq = qq;
          final int fd = dd;
          double[] start = new double[pp + qq + 1];
          start[0] = mean;
          double[] x =
              pp + qq == 0
                  ? start
                  : Fit.minimise(v -> css(zz, fp, fq, fd, v, scale), start, 0.1, 2000);
          double sse = css(zz, pp, qq, dd, x, scale) * scale * scale;
          int n = w.length - 3;
          int k = pp + qq + 2;
          double aicc =
              n * Math.log(Math.max(sse, floor) / n)
                  + 2 * k
                  + 2.0 * k * (k + 1) / Math.max(1, n - k - 1);
          if (aicc < best) {
            best = aicc;
            bestParams = x;
            bestOrder = new int[] {pp, dd, qq};
          }
        }
      }
    }
    p = bestOrder[0];
    d = bestOrder[1];
    q = bestOrder[2];
    mu = bestParams[0];
    java.util.Arrays.fill(phi, 0);
    java.util.Arrays.fill(theta, 0);
    for (int i = 0; i < p; i++) {
      phi[i] = bestParams[1 + i];
    }
    for (int j = 0; j < q; j++) {
      theta[j] = bestParams[1 + p + j];
    }
    count = 0;
    java.util.Arrays.fill(e, 0);
    for (double v : history) {
      observe(v);
    }
  }

  /** Conditional SSE / scale² of parameters v = (μ, φ…, θ…); large when outside the region. */
  private static double css(double[] z, int p, int q, int d, double[] v, double scale) {
    double mean = v[0];
    double phi1 = p > 0 ? v[1] : 0;
    double phi2 = p > 1 ? v[2] : 0;
    double theta1 = q > 0 ? v[1 + p] : 0;
    double theta2 = q > 1 ? v[2 + p] : 0;
    double outside = Math.max(outsideAr2(phi1, phi2), outsideAr2(-theta1, -theta2));
    if (outside > 0) {
      return 1e12 * (1 + outside);
    }
    double e1 = 0;
    double e2 = 0;
    double sse = 0;
    for (int t = p; t < z.length; t++) {
      double f = mean;
      for (int i = 0; i < p; i++) {
        f += v[1 + i] * (z[t - 1 - i] - mean);
      }
      if (q > 0) {
        f += v[1 + p] * e1;
      }
      if (q > 1) {
        f += v[2 + p] * e2;
      }
      double err = z[t] - f;
      e2 = e1;
      e1 = err;
      if (t >= 3 - d) {
        // the same observations (w[3..]) are scored for every order, so AICc values compare
        sse += (err / scale) * (err / scale);
      }
    }
    return sse;
  }

  /**
   * How far (φ₁, φ₂) lies outside the stationarity triangle of 1 − φ₁B − φ₂B² (|φ₂| &lt; 1, φ₁ + φ₂
   * &lt; 1, φ₂ − φ₁ &lt; 1, each with a margin of 0.001); 0 inside. With (−θ₁, −θ₂) it is the
   * invertibility triangle of 1 + θ₁B + θ₂B².
   */
  static double outsideAr2(double phi1, double phi2) {
    double worst = Math.max(Math.abs(phi2), Math.max(phi1 + phi2, phi2 - phi1));
    return Math.max(0, worst - 0.999);
  }

  private static double[] difference(double[] w, int d) {
    if (d == 0) {
      return w;
    }
    double[] z = new double[w.length - 1];
    for (int i = 1; i < w.length; i++) {
      z[i - 1] = w[i] - w[i - 1];
    }
    return z;
  }

  private static double variance(double[] z) {
    double m = Fit.mean(z);
    double s = 0;
    for (double v : z) {
      s += (v - m) * (v - m);
    }
    return s / Math.max(1, z.length);
  }

  @Override
  public double[] save() {
    return new double[] {
      p, d, q, mu, phi[0], phi[1], theta[0], theta[1], y[0], y[1], y[2], y[3], e[0], e[1], count
    };
  }

  @Override
  public void restore(double[] s) {
    p = (int) s[0];
    d = (int) s[1];
    q = (int) s[2];
    mu = s[3];
    phi[0] = s[4];
    phi[1] = s[5];
    theta[0] = s[6];
    theta[1] = s[7];
    System.arraycopy(s, 8, y, 0, 4);
    e[0] = s[12];
    e[1] = s[13];
    count = (long) s[14];
  }
}

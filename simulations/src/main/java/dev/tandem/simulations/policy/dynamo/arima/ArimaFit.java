package dev.tandem.simulations.policy.dynamo.arima;

/**
 * One fitted ARIMA(p, d, q): {@code φ(L) (Δ^d y_t − μ) = θ(L) ε_t} with {@code φ(L) = 1 − Σ φ_i
 * L^i}, {@code θ(L) = 1 + Σ θ_j L^j}, {@code ε_t ~ N(0, σ²)}; {@code μ} is 0 without an intercept
 * (for d = 1 it is the drift). {@code aic = −2 log L + 2 (p + q + [intercept] + 1)}, counting σ² as
 * statsmodels does; {@code forecast} is the one-step forecast of {@code y}. A series that is
 * exactly constant after d differences is not fitted: σ² = 0 and the likelihood and AIC are NaN.
 */
public record ArimaFit(
    int p,
    int d,
    int q,
    boolean intercept,
    double[] phi,
    double[] theta,
    double mean,
    double sigma2,
    double logLikelihood,
    double aic,
    double forecast) {

  public ArimaFit {
    phi = phi.clone();
    theta = theta.clone();
  }

  @Override
  public double[] phi() {
    return phi.clone();
  }

  @Override
  public double[] theta() {
    return theta.clone();
  }

  /** "ARIMA(p,d,q)" with " with intercept" when it has one. */
  public String order() {
    return "ARIMA(" + p + "," + d + "," + q + ")" + (intercept ? " with intercept" : "");
  }
}

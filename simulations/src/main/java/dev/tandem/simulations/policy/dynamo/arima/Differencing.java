package dev.tandem.simulations.policy.dynamo.arima;

/**
 * Differencing {@code Δ^d y} and its inverse for one step: {@code ŷ_{n+1} = ŵ_{n+1} + y_n} for d =
 * 1 and {@code ŵ_{n+1} + 2 y_n − y_{n−1}} for d = 2, where {@code ŵ} forecasts the differenced
 * series.
 */
final class Differencing {

  private Differencing() {}

  /** {@code Δ^d y}, {@code d} values shorter than {@code y}. */
  static double[] difference(double[] y, int d) {
    double[] w = y.clone();
    int n = w.length;
    for (int k = 0; k < d; k++) {
      for (int t = 0; t < n - 1; t++) {
        w[t] = w[t + 1] - w[t];
      }
      n--;
    }
    double[] out = new double[Math.max(0, n)];
    System.arraycopy(w, 0, out, 0, out.length);
    return out;
  }

  /** The forecast of {@code y_{n+1}} from the forecast {@code wNext} of {@code Δ^d y_{n+1}}. */
  static double integrate(double[] y, int d, double wNext) {
    int n = y.length;
    return switch (d) {
      case 0 -> wNext;
      case 1 -> wNext + y[n - 1];
      case 2 -> wNext + 2 * y[n - 1] - y[n - 2];
      default -> throw new IllegalArgumentException("d must be 0, 1 or 2, got " + d);
    };
  }
}

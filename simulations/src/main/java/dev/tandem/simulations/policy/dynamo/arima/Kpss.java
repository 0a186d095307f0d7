package dev.tandem.simulations.policy.dynamo.arima;

/**
 * The KPSS test of level stationarity and the order of differencing it implies, as pmdarima's
 * {@code KPSSTest(null='level', lshort=True)} and {@code ndiffs(test='kpss')} (both after R's
 * tseries and forecast packages).
 *
 * <p>With {@code e_t = x_t − x̄}, partial sums {@code S_t = Σ_{j≤t} e_j} and {@code l = ⌊4
 * (n/100)^{1/4}⌋}:
 *
 * <pre>
 * η  = Σ S_t² / n²
 * s² = Σ e_t² / n + (2/n) Σ_{i=1..l} (1 − i/(l+1)) Σ_{j=i..n−1} e_j e_{j−i}   (Bartlett long-run variance)
 * KPSS = η / s²
 * </pre>
 *
 * The p-value is read by linear interpolation in R's table (0.347 → 0.10, 0.463 → 0.05, 0.574 →
 * 0.025, 0.739 → 0.01), clamped to [0.01, 0.10] outside it; the series needs differencing when p
 * &lt; α. {@link #ndiffs} differences until the test no longer asks for it, the series turns
 * constant, or {@code maxD} is reached.
 */
public final class Kpss {

  private static final double[] STAT = {0.347, 0.463, 0.574, 0.739};
  private static final double[] PVALUE = {0.10, 0.05, 0.025, 0.01};

  private Kpss() {}

  /** The KPSS level statistic; NaN for fewer than 2 points or a constant series. */
  public static double statistic(double[] x) {
    int n = x.length;
    if (n < 2 || isConstant(x)) {
      return Double.NaN;
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    double[] e = new double[n];
    double partial = 0;
    double eta = 0;
    double s2 = 0;
    for (int t = 0; t < n; t++) {
      e[t] = x[t] - mean;
      partial += e[t];
      eta += partial * partial;
      s2 += e[t] * e[t];
    }
    eta /= (double) n * n;
    s2 /= n;
    int lags = (int) (4 * Math.pow(n / 100.0, 0.25));
    double cross = 0;
    for (int i = 1; i <= lags; i++) {
      double sum = 0;
      for (int j = i; j < n; j++) {
        sum += e[j] * e[j - i];
      }
      cross += sum * (1.0 - i / (lags + 1.0));
    }
    s2 += 2.0 * cross / n;
    return eta / s2;
  }

  /** The interpolated p-value of a KPSS level statistic, in [0.01, 0.10]; NaN for NaN. */
  public static double pValue(double statistic) {
    if (Double.isNaN(statistic)) {
      return Double.NaN;
    }
    if (statistic <= STAT[0]) {
      return PVALUE[0];
    }
    for (int i = 1; i < STAT.length; i++) {
      if (statistic <= STAT[i]) {
        double f = (statistic - STAT[i - 1]) / (STAT[i] - STAT[i - 1]);
        return PVALUE[i - 1] + f * (PVALUE[i] - PVALUE[i - 1]);
      }
    }
    return PVALUE[PVALUE.length - 1];
  }

  /** The number of differences (0 … maxD) that makes {@code x} level-stationary at level alpha. */
  public static int ndiffs(double[] x, double alpha, int maxD) {
    if (isConstant(x)) {
      return 0;
    }
    double p = pValue(statistic(x));
    if (Double.isNaN(p)) {
      return 0;
    }
    int d = 0;
    double[] current = x;
    while (p < alpha && d < maxD) {
      d++;
      current = Differencing.difference(current, 1);
      if (isConstant(current)) {
        return d;
      }
      p = pValue(statistic(current));
      if (Double.isNaN(p)) {
        return d - 1;
      }
    }
    return d;
  }

  /** Whether every value equals the first (true for an empty series). */
  public static boolean isConstant(double[] x) {
    for (double v : x) {
      if (v != x[0]) {
        return false;
      }
    }
    return true;
  }
}

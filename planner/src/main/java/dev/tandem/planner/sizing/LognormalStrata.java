package dev.tandem.planner.sizing;

/**
 * A length distribution known only by its mean m and second moment m₂ (what the metrics give for
 * ISL and OSL), represented by k equal-probability strata of a lognormal fitted to those moments.
 *
 * <p>Fit: σ² = ln(m₂ / m²) (0 when m₂ ≤ m², i.e. fixed length), μ = ln m − σ²/2. Stratum i covers
 * the quantiles [i/k, (i+1)/k]; with z_i = Φ⁻¹(i/k) its representative point is the exact
 * conditional mean {@code x_i = k · m · [Φ(z_{i+1} − σ) − Φ(z_i − σ)]}, so the points average to m
 * exactly and E[g(X)] ≈ (1/k) Σ g(x_i) for the convex TTFT(ISL) curve. Why a lognormal: prompt and
 * output lengths are positive and right-skewed; a lognormal with the observed two moments has the
 * right mean and spread without inventing a third parameter. Why strata of conditional means: they
 * keep the mean exact, reach into the tail (the last stratum of 12 is the mean of the top 8.3 %),
 * and cost k evaluations of the profile.
 */
public final class LognormalStrata {

  /** Strata used by the planner: 12 (1/12 ≈ 8.3 % each). */
  public static final int DEFAULT_STRATA = 12;

  private static final double[] BOUNDARIES = boundaries(DEFAULT_STRATA);

  private LognormalStrata() {}

  /** σ of the lognormal fitted to mean and second moment; 0 for a fixed length. */
  public static double sigma(double mean, double secondMoment) {
    if (!(mean > 0) || !(secondMoment > mean * mean)) {
      return 0;
    }
    return Math.sqrt(Math.log(secondMoment / (mean * mean)));
  }

  /** The {@link #DEFAULT_STRATA} representative points, ascending. */
  public static double[] points(double mean, double secondMoment) {
    double sigma = sigma(mean, secondMoment);
    int k = DEFAULT_STRATA;
    double[] x = new double[k];
    if (sigma == 0) {
      java.util.Arrays.fill(x, mean);
      return x;
    }
    for (int i = 0; i < k; i++) {
      double upper = cdf(BOUNDARIES[i + 1] - sigma);
      double lower = cdf(BOUNDARIES[i] - sigma);
      x[i] = k * mean * (upper - lower);
    }
    return x;
  }

  /** The q-quantile of the fitted lognormal: exp(μ + σ Φ⁻¹(q)). */
  public static double quantile(double mean, double secondMoment, double q) {
    double sigma = sigma(mean, secondMoment);
    if (sigma == 0) {
      return mean;
    }
    double mu = Math.log(mean) - sigma * sigma / 2;
    return Math.exp(mu + sigma * Normal.quantile(q));
  }

  private static double cdf(double z) {
    if (z == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (z == Double.POSITIVE_INFINITY) {
      return 1;
    }
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /**
   * The complementary error function by the Chebyshev-fitted exponential of Press et al. (Numerical
   * Recipes, {@code erfcc}): fractional error below 1.2 × 10⁻⁷ everywhere, one {@code exp}.
   * commons-math's {@code Erf.erfc} goes through the regularized incomplete gamma function and was
   * the largest cost of {@code plan()} (the strata are built each time the correction's solver
   * evaluates a model); 10⁻⁷ is far below what a stratum's mean needs.
   */
  static double erfc(double x) {
    double t = 1 / (1 + 0.5 * Math.abs(x));
    double y =
        t
            * Math.exp(
                -x * x
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? y : 2 - y;
  }

  private static double[] boundaries(int k) {
    double[] z = new double[k + 1];
    z[0] = Double.NEGATIVE_INFINITY;
    z[k] = Double.POSITIVE_INFINITY;
    for (int i = 1; i < k; i++) {
      z[i] = Normal.quantile((double) i / k);
    }
    return z;
  }
}

package dev.tandem.traces;

import java.util.SplittableRandom;

/**
 * A renewal process's inter-arrival distribution family, normalised to mean 1: a gap at rate λ is
 * {@code X/λ} seconds with {@code E[X] = 1}. Only the shape k matters once the gaps are rescaled to
 * the rate (which is what ServeGen's own generator does with its fitted scale).
 *
 * <ul>
 *   <li>Gamma(k): CV = 1/√k.
 *   <li>Weibull(k): mean Γ(1+1/k), CV = √(Γ(1+2/k)/Γ(1+1/k)² − 1).
 * </ul>
 */
public enum InterArrival {
  GAMMA,
  WEIBULL;

  /** Parses {@code Gamma} / {@code Weibull} (case-insensitive); null if neither. */
  static InterArrival parse(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "gamma" -> GAMMA;
      case "weibull" -> WEIBULL;
      default -> null;
    };
  }

  /** The Gamma shape whose CV is {@code cv}: k = 1/CV² (CV 1 is Poisson). */
  public static double gammaShapeForCv(double cv) {
    return 1 / (cv * cv);
  }

  /** One gap with mean 1. */
  double sample(SplittableRandom rng, double shape) {
    return switch (this) {
      case GAMMA -> Distributions.gamma(rng, shape) / shape;
      case WEIBULL ->
          Distributions.weibull(rng, shape) / Distributions.gammaFunction(1 + 1 / shape);
    };
  }

  /**
   * The gap that straddles an arbitrary instant (the length-biased gap), mean 1 scale: Gamma(k+1)/k
   * for Gamma; for Weibull, Y^(1/k)/Γ(1+1/k) with Y ~ Gamma(1+1/k). Multiplied by an independent
   * uniform it gives the equilibrium time to the first arrival, so a window's expected count is
   * exactly rate × length.
   */
  double sampleStraddling(SplittableRandom rng, double shape) {
    return switch (this) {
      case GAMMA -> Distributions.gamma(rng, shape + 1) / shape;
      case WEIBULL ->
          Math.pow(Distributions.gamma(rng, 1 + 1 / shape), 1 / shape)
              / Distributions.gammaFunction(1 + 1 / shape);
    };
  }
}

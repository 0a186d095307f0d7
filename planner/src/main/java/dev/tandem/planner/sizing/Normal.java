package dev.tandem.planner.sizing;

import org.apache.commons.math3.special.Erf;

/** The standard normal distribution's quantile function, Φ⁻¹(p) = √2 · erf⁻¹(2p − 1). */
public final class Normal {

  private Normal() {}

  /** Φ⁻¹(p) for p in (0, 1). */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1), got " + p);
    }
    return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
  }
}

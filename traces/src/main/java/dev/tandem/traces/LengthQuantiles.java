package dev.tandem.traces;

/**
 * A length distribution known by its mean and three quantiles (as ServeGen publishes per 6-hour
 * window). Sampling uses a piecewise-linear quantile function through (0, q0), (0.5, p50), (0.9,
 * p90), (0.99, p99), (1, qMax) with q0 = min(1, p50) and qMax chosen so that the distribution's
 * mean ∫q(u)du equals {@code mean}, clamped to [p99, 4·p99] (so the mean is matched when the tail
 * allows it and the shape is kept otherwise).
 */
public record LengthQuantiles(double mean, double p50, double p90, double p99) {

  public LengthQuantiles {
    if (!(p50 >= 0 && p90 >= p50 && p99 >= p90) || !(mean >= 0)) {
      throw new IllegalArgumentException(
          "length quantiles must satisfy 0 <= p50 <= p90 <= p99 and mean >= 0, got mean="
              + mean
              + " p50="
              + p50
              + " p90="
              + p90
              + " p99="
              + p99);
    }
  }

  /** The length at probability {@code u} in [0, 1], rounded to whole tokens. */
  public int quantile(double u) {
    double q0 = Math.min(1, p50);
    double qMax = qMax(q0);
    double v;
    if (u <= 0.5) {
      v = q0 + (p50 - q0) * (u / 0.5);
    } else if (u <= 0.9) {
      v = p50 + (p90 - p50) * ((u - 0.5) / 0.4);
    } else if (u <= 0.99) {
      v = p90 + (p99 - p90) * ((u - 0.9) / 0.09);
    } else {
      v = p99 + (qMax - p99) * ((u - 0.99) / 0.01);
    }
    return (int) Math.round(v);
  }

  private double qMax(double q0) {
    double below = 0.5 * (q0 + p50) / 2 + 0.4 * (p50 + p90) / 2 + 0.09 * (p90 + p99) / 2;
    double solved = 2 * (mean - below) / 0.01 - p99;
    return Math.max(p99, Math.min(4 * p99, solved));
  }
}

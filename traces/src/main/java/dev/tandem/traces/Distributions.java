package dev.tandem.traces;

import java.util.SplittableRandom;

/** Seeded samplers of the inter-arrival distributions the traces use (no dependency beyond JDK). */
final class Distributions {

  private Distributions() {}

  /** A uniform in (0, 1), never 0 (safe for logarithms). */
  static double open(SplittableRandom rng) {
    double u;
    do {
      u = rng.nextDouble();
    } while (u == 0.0);
    return u;
  }

  static double exponential(SplittableRandom rng) {
    return -Math.log(open(rng));
  }

  /**
   * Gamma(shape, 1) by Marsaglia and Tsang (2000); for shape &lt; 1 the boost {@code
   * G(k+1)·U^(1/k)}.
   */
  static double gamma(SplittableRandom rng, double shape) {
    if (shape < 1) {
      return gamma(rng, shape + 1) * Math.pow(open(rng), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = normal(rng);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = open(rng);
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /** Standard normal by the polar Box–Muller method. */
  static double normal(SplittableRandom rng) {
    double x;
    double y;
    double s;
    do {
      x = 2 * rng.nextDouble() - 1;
      y = 2 * rng.nextDouble() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s == 0);
    return x * Math.sqrt(-2 * Math.log(s) / s);
  }

  /** Weibull(shape, 1): {@code (−ln U)^(1/k)}. */
  static double weibull(SplittableRandom rng, double shape) {
    return Math.pow(exponential(rng), 1 / shape);
  }

  /** Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, 9 terms; relative error ~1e-15). */
  static double gammaFunction(double x) {
    if (x < 0.5) {
      return Math.PI / (Math.sin(Math.PI * x) * gammaFunction(1 - x));
    }
    double[] g = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    x -= 1;
    double a = g[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += g[i] / (x + i);
    }
    return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
  }

  /** SplitMix64 finaliser: a well-mixed seed from several integers. */
  static long mix(long seed, long a, long b) {
    long z = seed;
    z = stafford(z + 0x9E3779B97F4A7C15L * (a + 1));
    z = stafford(z + 0x9E3779B97F4A7C15L * (b + 1));
    return z;
  }

  private static long stafford(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

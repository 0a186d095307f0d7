package dev.tandem.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic trace whose rate moves sinusoidally between {@code minRps} and {@code maxRps}:
 *
 * <pre>λ(t) = a + (b − a)·(1 − cos(2πt/T))/2   (req/s; a at t = 0, b at t = T/2)</pre>
 *
 * <p>Arrivals are a renewal process in operational time Λ(t) = ∫λ = a·t + (b−a)/2·(t −
 * T/(2π)·sin(2πt/T)) with unit-mean Gamma gaps of the given CV (CV 1 is a Poisson process), mapped
 * back through Λ⁻¹; lengths come from a {@link LengthSampler}. Everything is drawn from one {@code
 * SplittableRandom(seed)}: the same spec gives the same requests.
 */
public final class SinusoidTraceGenerator {

  /**
   * @param minRps a, rate at t = 0 (&ge; 0)
   * @param maxRps b, rate at t = T/2 (&ge; a, &gt; 0)
   * @param periodSeconds T (&gt; 0)
   * @param durationSeconds length of the trace (&gt; 0)
   * @param arrivalCv CV of the gaps in operational time (1 = Poisson; &gt; 0)
   * @param lengths draws each request's ISL/OSL
   * @param seed random seed
   */
  public record Spec(
      double minRps,
      double maxRps,
      double periodSeconds,
      double durationSeconds,
      double arrivalCv,
      LengthSampler lengths,
      long seed) {

    public Spec {
      if (!(minRps >= 0 && maxRps >= minRps && maxRps > 0)) {
        throw new IllegalArgumentException(
            "need 0 <= minRps <= maxRps and maxRps > 0, got " + minRps + " and " + maxRps);
      }
      if (!(periodSeconds > 0 && durationSeconds > 0 && arrivalCv > 0)) {
        throw new IllegalArgumentException(
            "periodSeconds, durationSeconds and arrivalCv must be > 0, got "
                + periodSeconds
                + ", "
                + durationSeconds
                + ", "
                + arrivalCv);
      }
    }

    /**
     * The reference planner's benchmark load: 5 → 45 req/s over a 600 s period, ISL 3000 / OSL 300,
     * Poisson arrivals.
     */
    public static Spec dynamoReference(double durationSeconds, long seed) {
      return new Spec(5, 45, 600, durationSeconds, 1, LengthSampler.fixed(3000, 300), seed);
    }

    /** λ(t), req/s. */
    public double rateAt(double seconds) {
      return minRps + (maxRps - minRps) * (1 - Math.cos(2 * Math.PI * seconds / periodSeconds)) / 2;
    }

    /** Λ(t) = ∫₀ᵗ λ, expected requests up to t. */
    public double expectedCount(double seconds) {
      double w = 2 * Math.PI / periodSeconds;
      return minRps * seconds + (maxRps - minRps) / 2 * (seconds - Math.sin(w * seconds) / w);
    }
  }

  private SinusoidTraceGenerator() {}

  public static List<Request> generate(Spec spec) {
    SplittableRandom rng = new SplittableRandom(spec.seed());
    double shape = InterArrival.gammaShapeForCv(spec.arrivalCv());
    List<Request> out = new ArrayList<>();
    double target = 0;
    double t = 0;
    double end = spec.expectedCount(spec.durationSeconds());
    while (true) {
      target += InterArrival.GAMMA.sample(rng, shape);
      if (target >= end) {
        return out;
      }
      t = invert(spec, target, t);
      Lengths lengths = spec.lengths().next(rng);
      out.add(
          new Request((long) Math.floor(t * 1e6), lengths.inputTokens(), lengths.outputTokens()));
    }
  }

  /** Λ⁻¹(target) by bracketing from {@code from} and bisection (Λ is increasing). */
  private static double invert(Spec spec, double target, double from) {
    double lo = from;
    double hi = Math.max(from, 1e-6);
    while (spec.expectedCount(hi) < target) {
      lo = hi;
      hi = hi * 2 + 1;
    }
    for (int i = 0; i < 80 && hi - lo > 1e-9; i++) {
      double mid = (lo + hi) / 2;
      if (spec.expectedCount(mid) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}

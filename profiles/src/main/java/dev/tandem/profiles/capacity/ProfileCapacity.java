package dev.tandem.profiles.capacity;

import dev.tandem.profiles.interpolation.Estimate;
import dev.tandem.profiles.interpolation.ItlSurface;
import dev.tandem.profiles.interpolation.TtftCurve;
import dev.tandem.profiles.model.PerformanceProfile;

/**
 * Capacity of one engine read from a {@link PerformanceProfile}: pure functions of the profile and
 * the query, in per-engine units (one engine = one TP group).
 *
 * <ul>
 *   <li>Prefill at ISL {@code L}: service time {@code T = TTFT(L)} ms (batch 1, {@link TtftCurve});
 *       {@code L / (T/1000)} tokens/s and {@code 1000 / T} requests/s per engine.
 *   <li>Decode at ITL target {@code τ} and context {@code C}: the largest whole {@code n} with
 *       {@code ITL(k, C) ≤ τ} for every {@code k ≤ n} ({@link ItlSurface}), capped by the KV bound
 *       {@code floor(kvCapacityTokens / C)} and by {@code maxSequences}; output {@code n / (ITL(n,
 *       C)/1000)} tokens/s; requests/s for output length {@code O} is that divided by {@code O}.
 * </ul>
 */
public final class ProfileCapacity {

  private final PerformanceProfile profile;
  private final TtftCurve ttft;
  private final ItlSurface itl;

  public ProfileCapacity(PerformanceProfile profile) {
    this.profile = profile;
    this.ttft = new TtftCurve(profile.prefill());
    this.itl = new ItlSurface(profile);
  }

  public PerformanceProfile profile() {
    return profile;
  }

  /** TTFT at batch 1 for {@code inputTokens}, ms. */
  public Estimate ttftMillis(double inputTokens) {
    return ttft.ttftMillis(inputTokens);
  }

  /** ITL in ms at {@code concurrency} sequences of {@code contextTokens} tokens. */
  public Estimate itlMillis(double concurrency, double contextTokens) {
    return itl.itlMillis(concurrency, contextTokens);
  }

  /** Prefill service time and throughput of one engine at one ISL. */
  public PrefillCapacity prefill(double inputTokens) {
    Estimate t = ttft.ttftMillis(inputTokens);
    double seconds = t.value() / 1000.0;
    return new PrefillCapacity(inputTokens, t, inputTokens / seconds, 1.0 / seconds);
  }

  /** Largest concurrency of one decode engine meeting {@code itlTargetMillis} at a context. */
  public DecodeCapacity decode(double itlTargetMillis, double contextTokens) {
    if (!(itlTargetMillis > 0) || !(contextTokens > 0)) {
      throw new IllegalArgumentException(
          "ITL target and context must be > 0, got " + itlTargetMillis + " and " + contextTokens);
    }
    long kvBound = (long) Math.floor(profile.engine().kvCapacityTokens() / contextTokens);
    long cap = kvBound;
    DecodeBound capBound = DecodeBound.KV_CAPACITY;
    if (profile.engine().maxSequences().isPresent()
        && profile.engine().maxSequences().get() < kvBound) {
      cap = profile.engine().maxSequences().get();
      capBound = DecodeBound.MAX_SEQUENCES;
    }
    // Scan up from 1: the first concurrency whose ITL misses the target ends the search, which is
    // the definition above even where an extrapolated surface is not monotone.
    int n = 0;
    Estimate atN = itl.itlMillis(1, contextTokens);
    while (n < cap) {
      Estimate next = itl.itlMillis(n + 1.0, contextTokens);
      if (next.value() > itlTargetMillis) {
        return result(itlTargetMillis, contextTokens, n, DecodeBound.ITL_TARGET, kvBound, atN);
      }
      n++;
      atN = next;
    }
    return result(itlTargetMillis, contextTokens, n, capBound, kvBound, atN);
  }

  private static DecodeCapacity result(
      double target, double context, int n, DecodeBound bound, long kvBound, Estimate itlAtN) {
    double tokensPerSecond = n == 0 ? 0 : n / (itlAtN.value() / 1000.0);
    return new DecodeCapacity(target, context, n, bound, kvBound, itlAtN, tokensPerSecond);
  }
}

package dev.tandem.planner.sizing;

import dev.tandem.profiles.capacity.ProfileCapacity;

/**
 * The prefill service-time distribution of one engine, as equal-probability strata (seconds).
 *
 * <p>For each ISL stratum point L_i (see {@link LognormalStrata}):
 *
 * <pre>
 *   S_i = k · TTFT((1 − h) · L_i) / 1000  +  L_i · b / B
 * </pre>
 *
 * where TTFT is the profile's batch-1 curve in ms, h the prefix-cache hit rate (only the uncached
 * tokens are computed; the attention over the cached prefix is ignored, which errs short for very
 * long cached prefixes), k the learned correction (1 = the profile is right), b the KV bytes per
 * token and B the prefill→decode transfer bandwidth in bytes/s (the term is 0 when either is
 * unknown). Batch 1 is the regime the profile measured.
 *
 * <p><b>Batches.</b> An engine that packs queued prompts into one forward pass of at most {@code
 * maxBatchedTokens} tokens (vLLM's {@code --max-num-batched-tokens}, the profile's {@code
 * engine.maxBatchedTokens}) serves n prompts of mean length Ī in about the time of one prompt of
 * n·Ī tokens: prefill is compute-bound, and the fixed cost of a pass (≈ 19 ms of the 38 ms a
 * 1,117-token prompt takes on an H200) is paid once per batch. {@code batchSeconds[n−1]} is that
 * time for n = 1 … ⌊maxBatchedTokens / Ī⌋ (at most {@value #MAX_BATCH}), from the same curve and
 * correction; {@link PrefillBatching} turns it into the service rate a loaded engine reaches.
 * Without a known budget the engine is taken to serve one prompt at a time (the old, conservative
 * model).
 *
 * @param seconds S_i, ascending (TTFT is non-decreasing in ISL)
 * @param meanSeconds E[S]
 * @param scv squared coefficient of variation of S: Var[S] / E[S]²
 * @param batchSeconds time of a batch of n mean-length prompts, n = 1, 2, …; {@code batchSeconds[0]
 *     } is the mean-length prompt alone
 */
public record ServiceTimes(
    double[] seconds, double meanSeconds, double scv, double[] batchSeconds) {

  /** Most prompts per batch considered. */
  public static final int MAX_BATCH = 64;

  /** Service times over the ISL strata of {@code islPoints}, one prompt per forward pass. */
  public static ServiceTimes of(
      ProfileCapacity profile,
      double[] islPoints,
      double prefixHitRate,
      double correction,
      double transferSecondsPerToken) {
    return of(profile, islPoints, prefixHitRate, correction, transferSecondsPerToken, 0);
  }

  /**
   * Service times over the ISL strata of {@code islPoints}, with batches of up to {@code
   * maxBatchedTokens} tokens (≤ 0: unknown, one prompt per pass).
   */
  public static ServiceTimes of(
      ProfileCapacity profile,
      double[] islPoints,
      double prefixHitRate,
      double correction,
      double transferSecondsPerToken,
      int maxBatchedTokens) {
    double uncached = 1 - Math.max(0, Math.min(1, prefixHitRate));
    double[] s = new double[islPoints.length];
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < s.length; i++) {
      double tokens = Math.max(1, uncached * islPoints[i]);
      s[i] =
          correction * profile.ttftMillis(tokens).value() / 1000.0
              + islPoints[i] * transferSecondsPerToken;
      sum += s[i];
      sumSq += s[i] * s[i];
    }
    java.util.Arrays.sort(s);
    double mean = sum / s.length;
    double variance = Math.max(0, sumSq / s.length - mean * mean);
    double isl = 0;
    for (double l : islPoints) {
      isl += l;
    }
    isl /= islPoints.length;
    double uncachedIsl = Math.max(1, uncached * isl);
    int most =
        maxBatchedTokens <= 0
            ? 1
            : (int) Math.max(1, Math.min(MAX_BATCH, Math.floor(maxBatchedTokens / uncachedIsl)));
    double[] batch = new double[most];
    for (int n = 1; n <= most; n++) {
      batch[n - 1] =
          correction * profile.ttftMillis(n * uncachedIsl).value() / 1000.0
              + n * isl * transferSecondsPerToken;
    }
    // a batch of one is the mean of the strata, not the strata's mean length: keep them equal
    double scale = mean / batch[0];
    for (int n = 0; n < most; n++) {
      batch[n] *= scale;
    }
    return new ServiceTimes(s, mean, variance / (mean * mean), batch);
  }

  /** Prompts one forward pass may hold at the mean length, at least 1. */
  public int largestBatch() {
    return batchSeconds.length;
  }

  /** Time of a batch of n mean-length prompts, linear between whole n, n in [1, largest]. */
  public double batchTime(double n) {
    double x = Math.max(1, Math.min(batchSeconds.length, n));
    int lo = (int) Math.floor(x);
    if (lo >= batchSeconds.length) {
      return batchSeconds[batchSeconds.length - 1];
    }
    double w = x - lo;
    return (1 - w) * batchSeconds[lo - 1] + w * batchSeconds[lo];
  }

  /**
   * The SCV of one prompt's share of the work at a mean batch of n prompts. The strata vary only in
   * their length-dependent (marginal) part, since the fixed cost of a pass is the same for all;
   * batching leaves that spread as it is but divides the fixed cost among n prompts, so the share's
   * mean falls from T(1) to T(n)/n while its standard deviation stays: c_s²(n) = c_s²(1) · (n ·
   * T(1) / T(n))². Short prompts batched many to a pass are served as variable work as their
   * lengths are (ServeGen's 340-token prompts: under 0.2 at one prompt per pass, over 4× that at
   * four), which is what the queue sees near saturation.
   */
  public double scvAt(double n) {
    if (n <= 1) {
      return scv;
    }
    double ratio = n * batchTime(1) / batchTime(n);
    return scv * ratio * ratio;
  }

  /** The most requests per second one engine completes: full batches back to back. */
  public double peakServiceRate() {
    return batchSeconds.length / batchSeconds[batchSeconds.length - 1];
  }

  /** The q-quantile of the strata: the smallest S_i with (i + 1)/k ≥ q. */
  public double percentileSeconds(double q) {
    int i = (int) Math.ceil(q * seconds.length) - 1;
    return seconds[Math.max(0, Math.min(seconds.length - 1, i))];
  }

  /** Requests per second one engine completes back to back: 1 / E[S]. */
  public double serviceRate() {
    return 1 / meanSeconds;
  }
}

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
 * unknown). Batch 1 is the regime the profile measured; engines that batch prefills do at least as
 * well, so the sizing errs towards more engines.
 *
 * @param seconds S_i, ascending (TTFT is non-decreasing in ISL)
 * @param meanSeconds E[S]
 * @param scv squared coefficient of variation of S: Var[S] / E[S]²
 */
public record ServiceTimes(double[] seconds, double meanSeconds, double scv) {

  /** Service times over the ISL strata of {@code islPoints}. */
  public static ServiceTimes of(
      ProfileCapacity profile,
      double[] islPoints,
      double prefixHitRate,
      double correction,
      double transferSecondsPerToken) {
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
    return new ServiceTimes(s, mean, variance / (mean * mean));
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

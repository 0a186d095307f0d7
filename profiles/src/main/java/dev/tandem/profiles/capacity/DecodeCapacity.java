package dev.tandem.profiles.capacity;

import dev.tandem.profiles.interpolation.Estimate;

/**
 * The largest load one decode engine carries at one context length while meeting an ITL target.
 *
 * @param itlTargetMillis the ITL target, ms
 * @param contextTokens context length per sequence, tokens
 * @param maxConcurrency largest whole number of sequences in flight allowed by all bounds (0 when
 *     even one sequence misses the target or does not fit)
 * @param bound the limit that set {@code maxConcurrency}
 * @param kvBoundSequences {@code floor(kvCapacityTokens / contextTokens)}
 * @param itlMillis predicted ITL at {@code maxConcurrency} (at 1 when {@code maxConcurrency} is 0),
 *     with its placement: extrapolated values are flagged there
 * @param outputTokensPerSecondPerEngine {@code maxConcurrency / (ITL/1000)}, tokens/s
 */
public record DecodeCapacity(
    double itlTargetMillis,
    double contextTokens,
    int maxConcurrency,
    DecodeBound bound,
    long kvBoundSequences,
    Estimate itlMillis,
    double outputTokensPerSecondPerEngine) {

  /**
   * Requests completed per second by one engine for requests of {@code outputTokens} output tokens:
   * {@code outputTokensPerSecondPerEngine / outputTokens}.
   */
  public double requestsPerSecond(double outputTokens) {
    if (!(outputTokens > 0)) {
      throw new IllegalArgumentException("outputTokens must be > 0, got " + outputTokens);
    }
    return outputTokensPerSecondPerEngine / outputTokens;
  }
}

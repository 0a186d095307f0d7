package dev.tandem.profiles.model;

import java.util.Optional;

/**
 * One measured decode point: an engine decoding {@code concurrency} sequences of {@code
 * contextTokens} tokens each.
 *
 * @param contextTokens context length per sequence, tokens (Dynamo: ISL + OSL/2)
 * @param kvUsage active KV tokens as a fraction of the engine's KV capacity, in (0, 1], when the
 *     source gave it
 * @param concurrency sequences in flight: {@code kvUsage × kvCapacityTokens / contextTokens} when
 *     derived from the KV usage
 * @param itlMillis mean inter-token latency, ms
 * @param outputTokensPerSecondPerGpu measured output throughput, tokens/s/GPU
 */
public record DecodePoint(
    double contextTokens,
    Optional<Double> kvUsage,
    double concurrency,
    double itlMillis,
    double outputTokensPerSecondPerGpu) {

  public DecodePoint {
    Require.positive("contextTokens", contextTokens);
    kvUsage.ifPresent(
        v -> {
          if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException("kvUsage must be in (0, 1], got " + v);
          }
        });
    Require.positive("concurrency", concurrency);
    Require.positive("itlMillis", itlMillis);
    Require.nonNegative("outputTokensPerSecondPerGpu", outputTokensPerSecondPerGpu);
  }

  /**
   * A point given by KV usage: {@code concurrency = kvUsage × kvCapacityTokens / contextTokens}.
   */
  public static DecodePoint fromKvUsage(
      double contextTokens,
      double kvUsage,
      long kvCapacityTokens,
      double itlMillis,
      double outputTokensPerSecondPerGpu) {
    return new DecodePoint(
        contextTokens,
        Optional.of(kvUsage),
        concurrency(kvUsage, kvCapacityTokens, contextTokens),
        itlMillis,
        outputTokensPerSecondPerGpu);
  }

  /** {@code kvUsage × kvCapacityTokens / contextTokens}, sequences. */
  public static double concurrency(double kvUsage, long kvCapacityTokens, double contextTokens) {
    return kvUsage * kvCapacityTokens / contextTokens;
  }

  /** {@code concurrency / (ITL/1000) / gpus}: what this batch emits, output tokens/s/GPU. */
  public double impliedTokensPerSecondPerGpu(int gpusPerEngine) {
    return concurrency / (itlMillis / 1000.0) / gpusPerEngine;
  }
}

package dev.tandem.profiles.model;

/**
 * One measured prefill point: a single request (batch 1) of {@code inputTokens} tokens.
 *
 * @param inputTokens input sequence length (ISL), tokens
 * @param ttftMillis time to first token, ms
 * @param tokensPerSecondPerGpu prefill throughput, tokens/s/GPU; consistent data have {@code ISL /
 *     (TTFT/1000) / gpusPerEngine}
 */
public record PrefillPoint(int inputTokens, double ttftMillis, double tokensPerSecondPerGpu) {

  public PrefillPoint {
    Require.positive("inputTokens", inputTokens);
    Require.positive("ttftMillis", ttftMillis);
    Require.positive("tokensPerSecondPerGpu", tokensPerSecondPerGpu);
  }

  /** {@code ISL / (TTFT/1000) / gpus}: the throughput these ISL and TTFT imply, tokens/s/GPU. */
  public double impliedTokensPerSecondPerGpu(int gpusPerEngine) {
    return inputTokens / (ttftMillis / 1000.0) / gpusPerEngine;
  }
}

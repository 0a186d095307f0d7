package dev.tandem.profiles.model;

import java.util.Optional;

/**
 * One inference engine: a tensor-parallel group of {@code gpusPerEngine} GPUs, the unit the planner
 * scales.
 *
 * @param name the engine, for example {@code vllm}
 * @param version the engine version, for example {@code 0.10.1.1}
 * @param tensorParallelSize TP degree
 * @param gpusPerEngine GPUs one engine occupies (TP × PP × DP within the engine; usually TP)
 * @param kvCapacityTokens KV-cache capacity of one engine, in tokens
 * @param maxBatchedTokens engine limit on tokens per forward pass, when known
 * @param maxSequences engine limit on sequences in flight, when known
 * @param kvTransferBytesPerSecond prefill→decode KV transfer bandwidth in bytes/s, when known
 * @param kvBytesPerToken KV-cache bytes one token occupies (2 × layers × KV heads × head size ×
 *     bytes per element), when known; with the bandwidth it gives the transfer time a prefill adds
 */
public record EngineSpec(
    String name,
    String version,
    int tensorParallelSize,
    int gpusPerEngine,
    long kvCapacityTokens,
    Optional<Integer> maxBatchedTokens,
    Optional<Integer> maxSequences,
    Optional<Double> kvTransferBytesPerSecond,
    Optional<Double> kvBytesPerToken) {

  /** An engine whose KV bytes per token are not stated. */
  public EngineSpec(
      String name,
      String version,
      int tensorParallelSize,
      int gpusPerEngine,
      long kvCapacityTokens,
      Optional<Integer> maxBatchedTokens,
      Optional<Integer> maxSequences,
      Optional<Double> kvTransferBytesPerSecond) {
    this(
        name,
        version,
        tensorParallelSize,
        gpusPerEngine,
        kvCapacityTokens,
        maxBatchedTokens,
        maxSequences,
        kvTransferBytesPerSecond,
        Optional.empty());
  }

  public EngineSpec {
    Require.text("engine.name", name);
    Require.text("engine.version", version);
    Require.positive("engine.tensorParallelSize", tensorParallelSize);
    Require.positive("engine.gpusPerEngine", gpusPerEngine);
    if (gpusPerEngine < tensorParallelSize) {
      throw new IllegalArgumentException(
          "engine.gpusPerEngine must be >= tensorParallelSize ("
              + tensorParallelSize
              + "), got "
              + gpusPerEngine);
    }
    Require.positive("engine.kvCapacityTokens", kvCapacityTokens);
    maxBatchedTokens.ifPresent(v -> Require.positive("engine.maxBatchedTokens", v));
    maxSequences.ifPresent(v -> Require.positive("engine.maxSequences", v));
    kvTransferBytesPerSecond.ifPresent(v -> Require.positive("engine.kvTransferBytesPerSecond", v));
    kvBytesPerToken.ifPresent(v -> Require.positive("engine.kvBytesPerToken", v));
  }
}

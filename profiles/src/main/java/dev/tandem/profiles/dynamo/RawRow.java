package dev.tandem.profiles.dynamo;

import java.util.Optional;

/**
 * The arrays of one Dynamo profile as stored (one row of a pre-swept file, or a whole raw-data
 * pair), plus the config columns when the file has them.
 */
record RawRow(
    String form,
    double[] isl,
    double[] ttftMs,
    double[] prefillThptPerGpu,
    double[] kvUsage,
    double[] contextLength,
    double[] itlMs,
    double[] decodeThptPerGpu,
    long maxKvTokens,
    Optional<Config> config) {

  /** The config columns of a pre-swept row. */
  record Config(
      String gpuType,
      String model,
      String framework,
      String frameworkVersion,
      int tp,
      int gpuCount,
      int maxBatchSize) {}
}

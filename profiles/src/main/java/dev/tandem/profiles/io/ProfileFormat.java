package dev.tandem.profiles.io;

import java.util.List;

/** Names of the profile file format (see {@code profiles/PROFILE_FORMAT.md}). */
final class ProfileFormat {

  static final String API_VERSION = "tandem.dev/v1alpha1";
  static final String KIND = "PerformanceProfile";

  static final List<String> ROOT = List.of("apiVersion", "kind", "metadata", "spec");
  static final List<String> METADATA = List.of("name", "source");
  static final List<String> SPEC = List.of("gpu", "model", "engine", "prefill", "decode");
  static final List<String> GPU = List.of("type", "peakFlopsPerSecond");
  static final List<String> MODEL = List.of("name", "parameters", "dtype");
  static final List<String> ENGINE =
      List.of(
          "name",
          "version",
          "tensorParallelSize",
          "gpusPerEngine",
          "kvCapacityTokens",
          "maxBatchedTokens",
          "maxSequences",
          "kvTransferBytesPerSecond",
          "kvBytesPerToken");
  static final List<String> PREFILL_POINT = List.of("isl", "ttftMs", "tokensPerSecondPerGpu");
  static final List<String> DECODE_POINT =
      List.of("context", "kvUsage", "concurrency", "itlMs", "tokensPerSecondPerGpu");

  private ProfileFormat() {}

  /** Record component names in constructor messages → the field names of the file. */
  static String fileFieldNames(String message) {
    return message
        .replace("inputTokens", "isl")
        .replace("ttftMillis", "ttftMs")
        .replace("outputTokensPerSecondPerGpu", "tokensPerSecondPerGpu")
        .replace("contextTokens", "context")
        .replace("itlMillis", "itlMs");
  }
}

package dev.tandem.profiles.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.yaml.YamlDocuments;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each check fires on a small profile built to break it, and only there. */
class SyntheticChecksTest {

  // One TP2 engine, KV 10,000 tokens, 8e9 parameters on H100 (FP8 peak 1.979e15).
  // Prefill: 1000 tokens in 100 ms = 10,000 tokens/s per engine = 5,000 per GPU;
  // 2 · 8e9 · 1000 / (0.1 s · 2) = 8e13 FLOP/s per GPU, far below the peak.
  // Decode: 4 sequences at 10 ms = 400 tokens/s per engine = 200 per GPU.
  static final String BASE =
      """
      apiVersion: tandem.dev/v1alpha1
      kind: PerformanceProfile
      metadata: {name: synthetic}
      spec:
        gpu: {type: H100-SXM}
        model: {name: m, parameters: 8e9, dtype: fp8}
        engine: {name: e, version: "1", tensorParallelSize: 2, gpusPerEngine: 2, kvCapacityTokens: 10000, maxSequences: 64}
        prefill:
          - {isl: 1000, ttftMs: 100, tokensPerSecondPerGpu: 5000}
          - {isl: 2000, ttftMs: 210, tokensPerSecondPerGpu: 4761.9047619047615}
        decode:
          - {context: 500, concurrency: 4, itlMs: 10, tokensPerSecondPerGpu: 200}
          - {context: 500, concurrency: 8, itlMs: 12, tokensPerSecondPerGpu: 333.3333333333333}
      """;

  record Case(String name, String from, String to, List<String> codes) {}

  static Stream<Case> cases() {
    return Stream.of(
        new Case("clean", "", "", List.of()),
        // 5000 stored vs 1000 / 0.1 / 2 = 5000 → ×2 stored means a divisor of 1 GPU.
        new Case(
            "prefill throughput doubled",
            "tokensPerSecondPerGpu: 5000}",
            "tokensPerSecondPerGpu: 10000}",
            List.of("prefill-throughput")),
        // 2 · 8e9 · 1000 / (0.1 s · 2) = 8e13; with 8e11 parameters 8e15 > 1.979e15 (and
        // 2 · 8e11 · 2000 / (0.21 s · 2) = 7.6e15 at the second point).
        new Case(
            "roofline", "parameters: 8e9", "parameters: 8e11", List.of("roofline", "roofline")),
        new Case(
            "roofline skipped without parameters",
            "parameters: 8e9, ",
            "",
            List.of("roofline-skipped")),
        new Case(
            "TTFT falls",
            "ttftMs: 210, tokensPerSecondPerGpu: 4761.9047619047615",
            "ttftMs: 90, tokensPerSecondPerGpu: 11111.111111111111",
            List.of("ttft-not-monotone")),
        new Case(
            "ITL falls",
            "itlMs: 12, tokensPerSecondPerGpu: 333.3333333333333",
            "itlMs: 8, tokensPerSecondPerGpu: 500",
            List.of("itl-not-monotone")),
        // 4 sequences at 10 ms on 2 GPUs emit at most 200 tokens/s/GPU; 300 is impossible.
        new Case(
            "decode throughput above the batch",
            "tokensPerSecondPerGpu: 200}",
            "tokensPerSecondPerGpu: 300}",
            List.of("decode-throughput")),
        new Case(
            "decode throughput far below",
            "tokensPerSecondPerGpu: 200}",
            "tokensPerSecondPerGpu: 100}",
            List.of("decode-throughput-low")),
        // 8 × 500 = 4000 ≤ 10,000; 8 × 2000 = 16,000 > 10,000.
        new Case(
            "KV overflow",
            "context: 500, concurrency: 8",
            "context: 2000, concurrency: 8",
            List.of("kv-overflow")),
        // 0.2 × 10,000 / 500 = 4 sequences, the point says 4; 0.3 would be 6.
        new Case(
            "KV usage disagrees",
            "concurrency: 4,",
            "concurrency: 4, kvUsage: 0.3,",
            List.of("kv-usage-mismatch")),
        new Case(
            "above max sequences",
            "maxSequences: 64",
            "maxSequences: 6",
            List.of("above-max-sequences")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void firesOnlyOnWhatIsBroken(Case c) {
    String yaml = c.from().isEmpty() ? BASE : BASE.replace(c.from(), c.to());
    assertThat(yaml.equals(BASE)).isEqualTo(c.from().isEmpty());
    var profile = PerformanceProfileLoader.load(YamlDocuments.read("s.yaml", yaml).get(0));
    assertThat(ProfileChecks.check(profile))
        .extracting(Finding::code)
        .containsExactlyElementsOf(c.codes());
  }
}

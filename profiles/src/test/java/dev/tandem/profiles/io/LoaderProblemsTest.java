package dev.tandem.profiles.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problem;
import dev.tandem.config.yaml.YamlDocuments;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every problem of a profile file is reported at its line and column with its field path. */
class LoaderProblemsTest {

  static final String GOOD =
      """
      apiVersion: tandem.dev/v1alpha1
      kind: PerformanceProfile
      metadata:
        name: small
      spec:
        gpu: {type: H200-SXM}
        model: {name: m, parameters: 8.03e9, dtype: fp8}
        engine: {name: vllm, version: "0.10.1.1", tensorParallelSize: 1, gpusPerEngine: 1, kvCapacityTokens: 1000}
        prefill:
          - {isl: 100, ttftMs: 20, tokensPerSecondPerGpu: 5000}
          - {isl: 200, ttftMs: 30, tokensPerSecondPerGpu: 6666.666666666667}
        decode:
          - {context: 100, kvUsage: 0.1, itlMs: 5, tokensPerSecondPerGpu: 200}
          - {context: 100, concurrency: 5, itlMs: 8, tokensPerSecondPerGpu: 625}
      """;

  /** {@code file:line:col: path: message} expected, in order. */
  record Case(String name, String from, String to, List<String> problems) {}

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "unknown field with suggestion",
            "ttftMs: 30",
            "ttftMS: 30",
            List.of(
                "p.yaml:11:18: spec.prefill[1].ttftMS: unknown field; did you mean 'ttftMs'?",
                "p.yaml:11:7: spec.prefill[1].ttftMs: is required")),
        new Case(
            "negative TTFT",
            "ttftMs: 30",
            "ttftMs: -30",
            List.of("p.yaml:11:7: spec.prefill[1]: ttftMs must be a finite number > 0, got -30.0")),
        new Case(
            "ISL not increasing",
            "isl: 200",
            "isl: 100",
            List.of(
                "p.yaml:11:8: spec.prefill[1].isl: must be greater than the previous point's 100"
                    + " (points sorted by strictly increasing ISL), got 100")),
        new Case(
            "KV usage above 1",
            "kvUsage: 0.1",
            "kvUsage: 1.5",
            List.of("p.yaml:13:7: spec.decode[0]: kvUsage must be in (0, 1], got 1.5")),
        new Case(
            "neither KV usage nor concurrency",
            "concurrency: 5, ",
            "",
            List.of(
                "p.yaml:14:7: spec.decode[1]: needs kvUsage (fraction of engine.kvCapacityTokens)"
                    + " or concurrency, or both")),
        new Case(
            "text for a number",
            "kvCapacityTokens: 1000",
            "kvCapacityTokens: lots",
            List.of(
                "p.yaml:8:86: spec.engine.kvCapacityTokens: must be a whole number, not 'lots'")),
        new Case(
            "wrong kind",
            "kind: PerformanceProfile",
            "kind: PerformanceProfil",
            List.of(
                "p.yaml:2:1: kind: 'PerformanceProfil' is not allowed (did you mean"
                    + " 'PerformanceProfile'?); allowed: PerformanceProfile")),
        new Case(
            "another kind of document: only the kind is reported",
            "kind: PerformanceProfile\nmetadata:\n  name: small",
            "kind: SlaPolicy\nmetadata:\n  name: small\n  namespace: inference",
            List.of("p.yaml:2:1: kind: 'SlaPolicy' is not allowed; allowed: PerformanceProfile")),
        new Case(
            "an ITL faster than any forward pass",
            "itlMs: 5,",
            "itlMs: 1e-300,",
            List.of(
                "p.yaml:13:36: spec.decode[0].itlMs: 1.0E-300 ms is below 0.1 ms, faster than any"
                    + " GPU forward pass (the unit is milliseconds, not seconds)")),
        new Case(
            "a TTFT written in seconds",
            "ttftMs: 20,",
            "ttftMs: 0.02,",
            List.of(
                "p.yaml:10:18: spec.prefill[0].ttftMs: 0.02 ms is below 0.1 ms, faster than any"
                    + " GPU forward pass (the unit is milliseconds, not seconds)")),
        new Case(
            "zero GPUs per engine",
            "gpusPerEngine: 1",
            "gpusPerEngine: 0",
            List.of("p.yaml:8:11: spec.engine: engine.gpusPerEngine must be > 0, got 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsProblemsAtTheirPosition(Case c) {
    assertThat(GOOD).contains(c.from());
    String yaml = GOOD.replace(c.from(), c.to());
    assertThatThrownBy(
            () -> PerformanceProfileLoader.load(YamlDocuments.read("p.yaml", yaml).get(0)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::toString)
                    .containsExactlyElementsOf(c.problems()));
  }

  static Stream<String> goodDocuments() {
    return Stream.of(GOOD);
  }

  @ParameterizedTest(name = "the unchanged document loads")
  @MethodSource("goodDocuments")
  void theBaseDocumentLoads(String yaml) {
    var profile = PerformanceProfileLoader.load(YamlDocuments.read("p.yaml", yaml).get(0));
    // 0.1 × 1000 / 100 = 1 sequence from KV usage; 5 given.
    assertThat(profile.decode()).extracting(d -> d.concurrency()).containsExactly(1.0, 5.0);
    assertThat(profile.model().parameters()).contains(8.03e9);
  }
}

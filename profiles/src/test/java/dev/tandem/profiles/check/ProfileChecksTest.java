package dev.tandem.profiles.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.profiles.SharedData;
import dev.tandem.profiles.dynamo.DynamoImporter;
import dev.tandem.profiles.dynamo.ImportOptions;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks on every shared file: the real defects are found, the clean files pass. */
class ProfileChecksTest {

  /**
   * @param expected finding code → count
   */
  record Case(String name, Supplier<PerformanceProfile> profile, Map<String, Integer> expected) {}

  private static PerformanceProfile h100(int row, boolean recompute) {
    return DynamoImporter.importDirectory(
            SharedData.dynamo(SharedData.H100_70B),
            ImportOptions.defaults()
                .withModelParameters(70.6e9)
                .withDtype("fp8")
                .withRecomputeThroughput(recompute))
        .get(row)
        .profile();
  }

  private static PerformanceProfile h200(String folder) {
    return DynamoImporter.importDirectory(SharedData.dynamo(folder), SharedData.h200Options())
        .get(0)
        .profile();
  }

  static Stream<Case> cases() {
    return Stream.of(
        // TP4 and TP2 as stored: every one of the 9 prefill points is 2× / 4× too low.
        new Case(
            "H100 TP4 raw: 9 prefill-throughput errors",
            () -> h100(1, false),
            Map.of("prefill-throughput", 9, "decode-throughput-low", 1)),
        new Case(
            "H100 TP2 raw: 9 prefill-throughput errors, ITL dip at context 350",
            () -> h100(2, false),
            Map.of("prefill-throughput", 9, "decode-throughput-low", 1, "itl-not-monotone", 1)),
        // TP8 was divided by its own 8 GPUs; its ISL 6205 point (498 ms > 321 ms at 8240) is an
        // outlier.
        new Case(
            "H100 TP8 raw: TTFT outlier only",
            () -> h100(0, false),
            Map.of("ttft-not-monotone", 1, "decode-throughput-low", 1)),
        new Case(
            "H100 TP4 imported: throughput fixed",
            () -> h100(1, true),
            Map.of("decode-throughput-low", 1)),
        // 2 · 8.03e9 · 16372 / 0.03761 s ≈ 6.99e15 FLOP/s on one GPU: 3.5× the 1.979e15 peak; the
        // points from ISL 4168 on (13 of 17) exceed it.
        new Case(
            "H200 v1: roofline errors from ISL 4168",
            () -> h200(SharedData.H200_V1),
            Map.of(
                "roofline", 13,
                "ttft-not-monotone", 6,
                "itl-not-monotone", 2,
                "decode-throughput-low", 1)),
        // Highest implied: 2 · 8.03e9 · 7219 / 0.1433 s ≈ 8.1e14, 41% of the peak.
        new Case(
            "H200 current: passes, ITL dip at context 350 noted",
            () -> h200(SharedData.H200_CURRENT),
            Map.of("itl-not-monotone", 1, "decode-throughput-low", 1)),
        new Case(
            "H200 pre-swept: same as current",
            () -> h200(SharedData.H200_8B),
            Map.of("itl-not-monotone", 1, "decode-throughput-low", 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsExactlyTheKnownDefects(Case c) {
    List<Finding> findings = ProfileChecks.check(c.profile().get());
    Map<String, Integer> counts =
        findings.stream()
            .collect(
                Collectors.groupingBy(Finding::code, TreeMap::new, Collectors.summingInt(f -> 1)));
    assertThat(counts).isEqualTo(new TreeMap<>(c.expected()));
  }

  record Peak(String gpu, String dtype, Double expected) {}

  static Stream<Peak> peaks() {
    return Stream.of(
        new Peak("H200-SXM", "fp8", 1.979e15),
        new Peak("h100_sxm", "FP8", 1.979e15),
        new Peak("H100", "bf16", 0.989e15),
        new Peak("B200", "fp8", 4.5e15),
        new Peak("A100", "bfloat16", 3.12e14),
        new Peak("A100", "fp8", null),
        new Peak("H100-PCIE", "fp8", null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("peaks")
  void peakTable(Peak p) {
    assertThat(GpuPeakFlops.lookup(p.gpu(), p.dtype()).orElse(null)).isEqualTo(p.expected());
  }
}

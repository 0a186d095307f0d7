package dev.tandem.profiles.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.profiles.SharedData;
import dev.tandem.profiles.check.Finding;
import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the importer changes is reported, never silent; what it cannot do is a clear problem. */
class ImportFindingsTest {

  /**
   * H100 70B pre-swept: rows TP8, TP4, TP2 (gpu_count 8). The TP4 and TP2 rows' throughputs were
   * divided by 8, so prefill is recomputed as ISL / TTFT / tp (2× and 4× the stored value) and
   * decode multiplied by 8 / tp.
   */
  record Row(String name, int index, int tp, List<String> codes, double decodeFactor) {}

  static Stream<Row> h100Rows() {
    return Stream.of(
        new Row("TP8 unchanged", 0, 8, List.of("max-batch-size-ignored"), 1),
        new Row(
            "TP4 ×2",
            1,
            4,
            List.of(
                "prefill-throughput-recomputed",
                "decode-throughput-rescaled",
                "max-batch-size-ignored"),
            2),
        new Row(
            "TP2 ×4",
            2,
            2,
            List.of(
                "prefill-throughput-recomputed",
                "decode-throughput-rescaled",
                "max-batch-size-ignored"),
            4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("h100Rows")
  void h100RowsAreCorrectedAndSaySo(Row row) {
    Path dir = SharedData.dynamo(SharedData.H100_70B);
    ImportedProfile fixed =
        DynamoImporter.importDirectory(dir, ImportOptions.defaults()).get(row.index());
    PerformanceProfile raw =
        DynamoImporter.importDirectory(dir, ImportOptions.defaults().withRecomputeThroughput(false))
            .get(row.index())
            .profile();
    assertThat(fixed.profile().engine().tensorParallelSize()).isEqualTo(row.tp());
    assertThat(fixed.profile().metadata().name())
        .isEqualTo("h100-sxm-llama-3.3-70b-instruct-fp8-tp" + row.tp());
    assertThat(fixed.findings()).extracting(Finding::code).containsExactlyElementsOf(row.codes());
    for (PrefillPoint p : fixed.profile().prefill()) {
      assertThat(p.tokensPerSecondPerGpu())
          .isCloseTo(p.inputTokens() / (p.ttftMillis() / 1000) / row.tp(), within(1e-9));
    }
    for (int i = 0; i < raw.prefill().size(); i++) {
      assertThat(fixed.profile().prefill().get(i).tokensPerSecondPerGpu())
          .isCloseTo(raw.prefill().get(i).tokensPerSecondPerGpu() * 8 / row.tp(), within(1e-6));
    }
    for (int i = 0; i < raw.decode().size(); i++) {
      DecodePoint f = fixed.profile().decode().get(i);
      assertThat(f.outputTokensPerSecondPerGpu())
          .isEqualTo(raw.decode().get(i).outputTokensPerSecondPerGpu() * row.decodeFactor());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cleanFolders")
  void cleanH200FilesNeedNoCorrection(String folder) {
    ImportedProfile imported =
        DynamoImporter.importDirectory(SharedData.dynamo(folder), SharedData.h200Options()).get(0);
    assertThat(imported.findings())
        .extracting(Finding::code)
        .doesNotContain("prefill-throughput-recomputed", "decode-throughput-rescaled");
  }

  static Stream<String> cleanFolders() {
    return Stream.of(SharedData.H200_8B, SharedData.H200_CURRENT, SharedData.H200_V1);
  }

  record Missing(String name, ImportOptions options, List<String> paths) {}

  static Stream<Missing> missingOptions() {
    ImportOptions all = SharedData.h200Options();
    return Stream.of(
        new Missing(
            "nothing given",
            ImportOptions.defaults(),
            List.of("gpuType", "model", "tensorParallelSize")),
        new Missing(
            "no TP",
            ImportOptions.defaults().withGpuType("H200").withModel("m"),
            List.of("tensorParallelSize")),
        new Missing("everything given", all, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missingOptions")
  void rawDataNeedsGpuModelAndTpFromOptions(Missing m) {
    Path dir = SharedData.dynamo(SharedData.H200_CURRENT);
    if (m.paths().isEmpty()) {
      assertThat(DynamoImporter.importDirectory(dir, m.options())).hasSize(1);
      return;
    }
    assertThatThrownBy(() -> DynamoImporter.importDirectory(dir, m.options()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.path())
                    .containsExactlyElementsOf(m.paths()));
  }

  @Test
  void anEmptyDirectoryNamesTheExpectedFiles(@TempDir Path tmp) {
    assertThatThrownBy(() -> DynamoImporter.importDirectory(tmp, SharedData.h200Options()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no Dynamo profile found")
        .hasMessageContaining("{prefill,decode}_raw_data.json");
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}

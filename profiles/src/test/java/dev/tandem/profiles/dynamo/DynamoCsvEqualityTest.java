package dev.tandem.profiles.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.profiles.SharedData;
import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value the importer reads from the shared .npz files equals the CSV decoding beside it: all
 * four folders, all arrays, all rows (imported with recomputation off, so the stored numbers are
 * kept as they are).
 */
class DynamoCsvEqualityTest {

  record Folder(String name, String prefillCsv, String decodeCsv) {}

  static Stream<Folder> folders() {
    String p = "selected_prefill_interpolation_raw_data.csv";
    String d = "selected_decode_interpolation_raw_data.csv";
    return Stream.of(
        new Folder(SharedData.H100_70B, "prefill.csv", "decode.csv"),
        new Folder(SharedData.H200_8B, "prefill.csv", "decode.csv"),
        new Folder(SharedData.H200_CURRENT, p, d),
        new Folder(SharedData.H200_V1, p, d));
  }

  private static List<PerformanceProfile> importRaw(Path dir) {
    return DynamoImporter.importDirectory(
            dir, SharedData.h200Options().withRecomputeThroughput(false))
        .stream()
        .map(ImportedProfile::profile)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  void prefillEqualsCsv(Folder folder) {
    Path dir = SharedData.dynamo(folder.name());
    List<PerformanceProfile> profiles = importRaw(dir);
    Csv csv = Csv.read(dir.resolve(folder.prefillCsv()));
    Map<Integer, List<String[]>> rows = csv.byConfigRow();
    assertThat(profiles).hasSize(rows.size());
    for (var group : rows.entrySet()) {
      PerformanceProfile profile = profiles.get(group.getKey());
      List<String[]> points = group.getValue();
      assertThat(profile.prefill()).hasSize(points.size());
      for (int i = 0; i < points.size(); i++) {
        String[] row = points.get(i);
        PrefillPoint p = profile.prefill().get(i);
        assertThat((double) p.inputTokens()).isEqualTo(csv.number(row, "prefill_isl"));
        assertThat(p.ttftMillis()).isEqualTo(csv.number(row, "prefill_ttft"));
        assertThat(p.tokensPerSecondPerGpu()).isEqualTo(csv.number(row, "prefill_thpt_per_gpu"));
        if (csv.header().contains("tp")) {
          configEquals(csv, row, profile);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  void decodeEqualsCsv(Folder folder) {
    Path dir = SharedData.dynamo(folder.name());
    List<PerformanceProfile> profiles = importRaw(dir);
    Csv csv = Csv.read(dir.resolve(folder.decodeCsv()));
    Map<Integer, List<String[]>> rows = csv.byConfigRow();
    assertThat(profiles).hasSize(rows.size());
    for (var group : rows.entrySet()) {
      PerformanceProfile profile = profiles.get(group.getKey());
      List<String[]> points = group.getValue();
      assertThat(profile.decode()).hasSize(points.size());
      for (int i = 0; i < points.size(); i++) {
        String[] row = points.get(i);
        DecodePoint p = profile.decode().get(i);
        assertThat(p.kvUsage()).contains(csv.number(row, "x_kv_usage"));
        assertThat(p.contextTokens()).isEqualTo(csv.number(row, "y_context_length"));
        assertThat(p.itlMillis()).isEqualTo(csv.number(row, "z_itl"));
        assertThat(p.outputTokensPerSecondPerGpu()).isEqualTo(csv.number(row, "z_thpt_per_gpu"));
        assertThat((double) profile.engine().kvCapacityTokens())
            .isEqualTo(csv.number(row, "max_kv_tokens"));
        if (csv.header().contains("tp")) {
          configEquals(csv, row, profile);
        }
      }
    }
  }

  private static void configEquals(Csv csv, String[] row, PerformanceProfile profile) {
    assertThat(profile.engine().tensorParallelSize()).isEqualTo((int) csv.number(row, "tp"));
    assertThat(profile.engine().gpusPerEngine()).isEqualTo((int) csv.number(row, "tp"));
    assertThat(profile.engine().name()).isEqualTo(csv.get(row, "framework"));
    assertThat(profile.engine().version()).isEqualTo(csv.get(row, "framework_version"));
    assertThat(profile.model().name()).isEqualTo(csv.get(row, "model"));
    assertThat(profile.gpu().type())
        .isEqualTo(csv.get(row, "gpu_type").toUpperCase().replace('_', '-'));
  }
}

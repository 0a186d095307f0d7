package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {

  @TempDir Path tmp;

  private static Path dynamo(String folder) {
    return CliRun.data().resolve("dynamo-profiles").resolve(folder);
  }

  @Test
  void showPrintsCurvesCapacityAndFindings() {
    CliRun run =
        CliRun.run(
            "profile",
            "show",
            CliRun.root().resolve("examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Profile h200-llama-3.1-8b-fp8-tp1")
        .contains("Prefill, measured at batch 1")
        .contains("Decode capacity per engine")
        .contains("itl-not-monotone");
  }

  @Test
  void importOfTheRawDataPairReproducesTheShippedProfilesPoints() {
    Path out = tmp.resolve("h200.yaml");

    CliRun run =
        CliRun.run(
            "profile",
            "import",
            "--from-dynamo",
            dynamo("testdata__H200_TP1P_TP1D__vllm__nvidia_Llama-3.1-8B-Instruct-FP8__current")
                .toString(),
            "-o",
            out.toString(),
            "--gpu",
            "H200-SXM",
            "--model",
            "nvidia/Llama-3.1-8B-Instruct-FP8",
            "--tp",
            "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    PerformanceProfile imported = PerformanceProfileLoader.load(out);
    PerformanceProfile shipped =
        PerformanceProfileLoader.load(
            CliRun.root().resolve("examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml"));
    assertThat(imported.prefill()).isEqualTo(shipped.prefill());
    assertThat(imported.decode()).isEqualTo(shipped.decode());
    assertThat(imported.engine().kvCapacityTokens()).isEqualTo(945_029);
  }

  @Test
  void importOfPreSweptRowsWritesOneProfilePerTpSizeAndReportsTheThroughputFix()
      throws IOException {
    Path out = tmp.resolve("h100");

    CliRun run =
        CliRun.run(
            "profile",
            "import",
            "--from-dynamo",
            dynamo("pre_swept__h100_sxm__vllm__nvidia_Llama-3.3-70B-Instruct-FP8").toString(),
            "-o",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .hasSize(3)
          .allMatch(n -> n.endsWith(".yaml"));
    }
    // TP2 at ISL 16380: 16380 tokens / 1.957 s / 2 GPUs = 4185 tokens/s/GPU, stored as 1046
    assertThat(run.out()).contains("TP2").contains("TP4").contains("TP8");
    assertThat(run.out()).containsIgnoringCase("recomputed");
  }

  @Test
  void importWithoutTheMetadataTheRawFormLacksNamesEachMissingOption() {
    CliRun run =
        CliRun.run(
            "profile",
            "import",
            "--from-dynamo",
            dynamo("testdata__H200_TP1P_TP1D__vllm__nvidia_Llama-3.1-8B-Instruct-FP8__current")
                .toString(),
            "-o",
            tmp.resolve("x.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("gpuType").contains("model").contains("tensorParallelSize");
    assertThat(tmp.resolve("x.yaml")).doesNotExist();
  }
}

package dev.tandem.profiles;

import dev.tandem.profiles.dynamo.DynamoImporter;
import dev.tandem.profiles.dynamo.ImportOptions;
import dev.tandem.profiles.dynamo.ImportedProfile;
import dev.tandem.profiles.io.PerformanceProfileWriter;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.ProfileMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Produces the shipped example profiles from the shipped Dynamo data ({@code data/dynamo-profiles})
 * with the importer and the writer. {@code ShippedExamplesTest} asserts the files under {@code
 * examples/profiles/} equal this output; {@link #main} writes them (run it after changing the
 * importer or the writer).
 */
public final class ExampleProfiles {

  private static final String DYNAMO =
      "NVIDIA Dynamo planner profiling data (github.com/ai-dynamo/dynamo, Apache-2.0), ";

  private ExampleProfiles() {}

  /** File name → YAML text. */
  public static Map<String, String> generate() {
    Map<String, String> files = new LinkedHashMap<>();
    ImportOptions h200 = ImportOptions.defaults().withModelParameters(8.03e9).withDtype("fp8");
    PerformanceProfile h200Profile =
        only(DynamoImporter.importDirectory(SharedData.dynamo(SharedData.H200_8B), h200));
    files.put(
        "h200-llama-3.1-8b-fp8-tp1.yaml",
        PerformanceProfileWriter.write(
            h200Profile.withMetadata(
                new ProfileMetadata(
                    "h200-llama-3.1-8b-fp8-tp1",
                    DYNAMO
                        + "components/src/dynamo/planner/core/throughput/pre_swept_results/"
                        + "h200_sxm/vllm/nvidia/Llama-3.1-8B-Instruct-FP8/{prefill,decode}.npz"
                        + " (same values as the planner test data H200_TP1P_TP1D after PR"
                        + " #2674). Copied unchanged; concurrency derived as kvUsage ×"
                        + " kvCapacityTokens / context."))));
    ImportOptions h100 = ImportOptions.defaults().withModelParameters(70.6e9).withDtype("fp8");
    for (ImportedProfile imported :
        DynamoImporter.importDirectory(SharedData.dynamo(SharedData.H100_70B), h100)) {
      int tp = imported.profile().engine().tensorParallelSize();
      String name = "h100-llama-3.3-70b-fp8-tp" + tp;
      String corrected =
          tp == 8
              ? "Copied unchanged"
              : "prefill tokensPerSecondPerGpu recomputed as ISL / TTFT / "
                  + tp
                  + " and decode tokensPerSecondPerGpu multiplied by "
                  + (8 / tp)
                  + " (the source divided this TP"
                  + tp
                  + " row by the node's 8 GPUs)";
      files.put(
          name + ".yaml",
          PerformanceProfileWriter.write(
              imported
                  .profile()
                  .withMetadata(
                      new ProfileMetadata(
                          name,
                          DYNAMO
                              + "components/src/dynamo/planner/core/throughput/pre_swept_results/"
                              + "h100_sxm/vllm/nvidia/Llama-3.3-70B-Instruct-FP8/"
                              + "{prefill,decode}.npz, config row TP"
                              + tp
                              + ". "
                              + corrected
                              + "; concurrency derived as kvUsage × kvCapacityTokens /"
                              + " context."))));
    }
    return files;
  }

  private static PerformanceProfile only(List<ImportedProfile> imported) {
    if (imported.size() != 1) {
      throw new IllegalStateException("expected one profile, got " + imported.size());
    }
    return imported.get(0).profile();
  }

  public static void main(String[] args) throws IOException {
    Path dir = SharedData.examples();
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : generate().entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue());
    }
  }
}

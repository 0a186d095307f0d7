package dev.tandem.profiles;

import dev.tandem.profiles.dynamo.DynamoImporter;
import dev.tandem.profiles.dynamo.ImportOptions;
import dev.tandem.profiles.model.PerformanceProfile;
import java.nio.file.Path;

/**
 * Paths of the Dynamo profiler data shipped in {@code data/dynamo-profiles} (origin and licence in
 * its {@code SOURCE.md}) and of the example profiles made from it.
 */
public final class SharedData {

  public static final String H100_70B =
      "pre_swept__h100_sxm__vllm__nvidia_Llama-3.3-70B-Instruct-FP8";
  public static final String H200_8B =
      "pre_swept__h200_sxm__vllm__nvidia_Llama-3.1-8B-Instruct-FP8";
  public static final String H200_CURRENT =
      "testdata__H200_TP1P_TP1D__vllm__nvidia_Llama-3.1-8B-Instruct-FP8__current";
  public static final String H200_V1 =
      "testdata__H200_TP1P_TP1D__vllm__nvidia_Llama-3.1-8B-Instruct-FP8__v1_2025-08-18";

  private SharedData() {}

  public static Path root() {
    return Path.of(System.getProperty("tandem.root", "."));
  }

  public static Path dynamo(String folder) {
    return root().resolve("data").resolve("dynamo-profiles").resolve(folder);
  }

  public static Path examples() {
    return root().resolve("examples").resolve("profiles");
  }

  /** Options for the raw-data folders, which record no GPU, model or TP. */
  public static ImportOptions h200Options() {
    return ImportOptions.defaults()
        .withGpuType("H200-SXM")
        .withModel("nvidia/Llama-3.1-8B-Instruct-FP8")
        .withTensorParallelSize(1)
        .withEngine("vllm", "0.10.1.1")
        .withModelParameters(8.03e9)
        .withDtype("fp8");
  }

  /** The current H200 8B TP1 profile (testdata, same values as pre-swept h200). */
  public static PerformanceProfile h200Current() {
    return DynamoImporter.importDirectory(dynamo(H200_CURRENT), h200Options()).get(0).profile();
  }
}

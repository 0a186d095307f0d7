package dev.tandem.cli;

import dev.tandem.profiles.check.Severity;
import dev.tandem.profiles.dynamo.DynamoImporter;
import dev.tandem.profiles.dynamo.ImportOptions;
import dev.tandem.profiles.dynamo.ImportedProfile;
import dev.tandem.profiles.io.PerformanceProfileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tandem profile import --from-dynamo DIR -o OUT}: converts NVIDIA Dynamo profiler output
 * (the raw_data.npz pair, pre-swept multi-row npz files, or the ConfigMap JSON form) to Tandem's
 * profile format, reporting every value it corrected.
 */
@Command(
    name = "import",
    description = {
      "Convert NVIDIA Dynamo profiler output to Tandem's profile format.",
      "DIR holds selected_{prefill,decode}_interpolation/raw_data.npz (or the flattened",
      "selected_*_raw_data.npz names), {prefill,decode}_raw_data.json (the ConfigMap form), or",
      "pre-swept {prefill,decode}.npz with one profile per configuration row.",
      "The raw_data and JSON forms do not record the GPU, model or TP size: give them as options.",
      "Exit status: 0 imported, 1 invalid input or an implausible profile, 2 usage error."
    })
final class ProfileImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--from-dynamo",
      required = true,
      paramLabel = "DIR",
      description =
          "Folder of NVIDIA Dynamo profiler output: the raw_data.npz pair, pre-swept npz files, or"
              + " the ConfigMap JSON.")
  Path dir;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "Output file; a directory (one <name>.yaml per profile) for multi-row input.")
  Path output;

  @Option(names = "--name", description = "Profile name (single-profile input only).")
  String name;

  @Option(names = "--source", description = "Attribution text stored in the profile.")
  String source;

  @Option(names = "--gpu", description = "GPU type, e.g. H200-SXM.")
  String gpu;

  @Option(names = "--model", description = "Model name, e.g. nvidia/Llama-3.1-8B-Instruct-FP8.")
  String model;

  @Option(names = "--engine", description = "Engine name, e.g. vllm.")
  String engine;

  @Option(names = "--engine-version", description = "Engine version, e.g. 0.10.1.1.")
  String engineVersion;

  @Option(names = "--tp", description = "Tensor-parallel size (GPUs per engine by default).")
  Integer tp;

  @Option(names = "--gpus-per-engine", description = "GPUs per engine, when not the TP size.")
  Integer gpusPerEngine;

  @Option(names = "--model-parameters", description = "Parameter count, e.g. 8.03e9.")
  Double parameters;

  @Option(names = "--dtype", description = "Compute dtype, e.g. fp8.")
  String dtype;

  @Option(names = "--gpu-peak-flops", description = "Dense peak FLOP/s of one GPU.")
  Double peakFlops;

  @Option(
      names = "--keep-stored-throughput",
      description = "Keep per-GPU throughput as stored even where it contradicts ISL/TTFT/TP.")
  boolean keepStoredThroughput;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<ImportedProfile> imported = DynamoImporter.importDirectory(dir, options());
    boolean many = imported.size() > 1 || Files.isDirectory(output);
    if (many) {
      Files.createDirectories(output);
    }
    int status = 0;
    for (ImportedProfile result : imported) {
      String profileName = result.profile().metadata().name();
      Path target = many ? output.resolve(profileName + ".yaml") : output;
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      Files.writeString(
          target, PerformanceProfileWriter.write(result.profile()), StandardCharsets.UTF_8);
      out.println("wrote   " + target + ": " + Summaries.profile(result.profile()));
      for (var finding : result.allFindings()) {
        out.println("        " + finding);
        if (finding.severity() == Severity.ERROR) {
          status = 1;
        }
      }
    }
    out.flush();
    return status;
  }

  private ImportOptions options() {
    ImportOptions o = ImportOptions.defaults().withRecomputeThroughput(!keepStoredThroughput);
    if (name != null) o = o.withName(name);
    if (source != null) o = o.withSource(source);
    if (gpu != null) o = o.withGpuType(gpu);
    if (model != null) o = o.withModel(model);
    if (engine != null || engineVersion != null) {
      o =
          o.withEngine(
              engine == null ? "vllm" : engine, engineVersion == null ? "unknown" : engineVersion);
    }
    if (tp != null) o = o.withTensorParallelSize(tp);
    if (gpusPerEngine != null) o = o.withGpusPerEngine(gpusPerEngine);
    if (parameters != null) o = o.withModelParameters(parameters);
    if (dtype != null) o = o.withDtype(dtype);
    if (peakFlops != null) o = o.withGpuPeakFlopsPerSecond(peakFlops);
    return o;
  }
}

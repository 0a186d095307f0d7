package dev.tandem.profiles.dynamo;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the Dynamo files do not say, given by the user. The raw-data and JSON forms carry no GPU
 * type, model or TP size, so {@code gpuType}, {@code model} and {@code tensorParallelSize} are
 * required for them; the pre-swept form takes them from its config columns and uses options only
 * for what those lack (parameters, dtype, peak FLOP/s) or to rename.
 *
 * @param name profile name; for several pre-swept rows {@code -tp<N>} is appended
 * @param source attribution text written into the profile
 * @param gpuType GPU name, for example {@code H200-SXM}
 * @param model model name
 * @param engine engine name (default {@code unknown})
 * @param engineVersion engine version (default {@code unknown})
 * @param tensorParallelSize TP size of one engine
 * @param gpusPerEngine GPUs of one engine (default: the TP size)
 * @param modelParameters parameter count, for the roofline check
 * @param dtype compute dtype such as {@code fp8}
 * @param gpuPeakFlopsPerSecond dense peak FLOP/s of one GPU
 * @param recomputeThroughput replace stored per-GPU throughput that disagrees with the latencies
 *     (default true); false keeps the files' values so the checks can be run on them as they are
 */
public record ImportOptions(
    Optional<String> name,
    Optional<String> source,
    Optional<String> gpuType,
    Optional<String> model,
    Optional<String> engine,
    Optional<String> engineVersion,
    Optional<Integer> tensorParallelSize,
    Optional<Integer> gpusPerEngine,
    Optional<Double> modelParameters,
    Optional<String> dtype,
    Optional<Double> gpuPeakFlopsPerSecond,
    boolean recomputeThroughput) {

  public static ImportOptions defaults() {
    return new Editor().build();
  }

  public ImportOptions withName(String v) {
    return edit(e -> e.name = Optional.of(v));
  }

  public ImportOptions withSource(String v) {
    return edit(e -> e.source = Optional.of(v));
  }

  public ImportOptions withGpuType(String v) {
    return edit(e -> e.gpuType = Optional.of(v));
  }

  public ImportOptions withModel(String v) {
    return edit(e -> e.model = Optional.of(v));
  }

  public ImportOptions withEngine(String engineName, String version) {
    return edit(
        e -> {
          e.engine = Optional.of(engineName);
          e.engineVersion = Optional.of(version);
        });
  }

  public ImportOptions withTensorParallelSize(int v) {
    return edit(e -> e.tensorParallelSize = Optional.of(v));
  }

  public ImportOptions withGpusPerEngine(int v) {
    return edit(e -> e.gpusPerEngine = Optional.of(v));
  }

  public ImportOptions withModelParameters(double v) {
    return edit(e -> e.modelParameters = Optional.of(v));
  }

  public ImportOptions withDtype(String v) {
    return edit(e -> e.dtype = Optional.of(v));
  }

  public ImportOptions withGpuPeakFlopsPerSecond(double v) {
    return edit(e -> e.gpuPeakFlopsPerSecond = Optional.of(v));
  }

  public ImportOptions withRecomputeThroughput(boolean v) {
    return edit(e -> e.recomputeThroughput = v);
  }

  private ImportOptions edit(Consumer<Editor> change) {
    Editor editor = new Editor(this);
    change.accept(editor);
    return editor.build();
  }

  /** A mutable copy used only inside the withers, so each of them names just its own field. */
  private static final class Editor {
    Optional<String> name = Optional.empty();
    Optional<String> source = Optional.empty();
    Optional<String> gpuType = Optional.empty();
    Optional<String> model = Optional.empty();
    Optional<String> engine = Optional.empty();
    Optional<String> engineVersion = Optional.empty();
    Optional<Integer> tensorParallelSize = Optional.empty();
    Optional<Integer> gpusPerEngine = Optional.empty();
    Optional<Double> modelParameters = Optional.empty();
    Optional<String> dtype = Optional.empty();
    Optional<Double> gpuPeakFlopsPerSecond = Optional.empty();
    boolean recomputeThroughput = true;

    Editor() {}

    Editor(ImportOptions o) {
      name = o.name;
      source = o.source;
      gpuType = o.gpuType;
      model = o.model;
      engine = o.engine;
      engineVersion = o.engineVersion;
      tensorParallelSize = o.tensorParallelSize;
      gpusPerEngine = o.gpusPerEngine;
      modelParameters = o.modelParameters;
      dtype = o.dtype;
      gpuPeakFlopsPerSecond = o.gpuPeakFlopsPerSecond;
      recomputeThroughput = o.recomputeThroughput;
    }

    ImportOptions build() {
      return new ImportOptions(
          name,
          source,
          gpuType,
          model,
          engine,
          engineVersion,
          tensorParallelSize,
          gpusPerEngine,
          modelParameters,
          dtype,
          gpuPeakFlopsPerSecond,
          recomputeThroughput);
    }
  }
}

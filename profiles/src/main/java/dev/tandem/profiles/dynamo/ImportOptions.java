package dev.tandem.profiles.dynamo;

import java.util.Optional;

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
    Optional<String> none = Optional.empty();
    return new ImportOptions(
        none,
        none,
        none,
        none,
        none,
        none,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        none,
        Optional.empty(),
        true);
  }

  public ImportOptions withName(String v) {
    return new ImportOptions(
        Optional.of(v),
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

  public ImportOptions withSource(String v) {
    return new ImportOptions(
        name,
        Optional.of(v),
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

  public ImportOptions withGpuType(String v) {
    return new ImportOptions(
        name,
        source,
        Optional.of(v),
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

  public ImportOptions withModel(String v) {
    return new ImportOptions(
        name,
        source,
        gpuType,
        Optional.of(v),
        engine,
        engineVersion,
        tensorParallelSize,
        gpusPerEngine,
        modelParameters,
        dtype,
        gpuPeakFlopsPerSecond,
        recomputeThroughput);
  }

  public ImportOptions withEngine(String engineName, String version) {
    return new ImportOptions(
        name,
        source,
        gpuType,
        model,
        Optional.of(engineName),
        Optional.of(version),
        tensorParallelSize,
        gpusPerEngine,
        modelParameters,
        dtype,
        gpuPeakFlopsPerSecond,
        recomputeThroughput);
  }

  public ImportOptions withTensorParallelSize(int v) {
    return new ImportOptions(
        name,
        source,
        gpuType,
        model,
        engine,
        engineVersion,
        Optional.of(v),
        gpusPerEngine,
        modelParameters,
        dtype,
        gpuPeakFlopsPerSecond,
        recomputeThroughput);
  }

  public ImportOptions withGpusPerEngine(int v) {
    return new ImportOptions(
        name,
        source,
        gpuType,
        model,
        engine,
        engineVersion,
        tensorParallelSize,
        Optional.of(v),
        modelParameters,
        dtype,
        gpuPeakFlopsPerSecond,
        recomputeThroughput);
  }

  public ImportOptions withModelParameters(double v) {
    return new ImportOptions(
        name,
        source,
        gpuType,
        model,
        engine,
        engineVersion,
        tensorParallelSize,
        gpusPerEngine,
        Optional.of(v),
        dtype,
        gpuPeakFlopsPerSecond,
        recomputeThroughput);
  }

  public ImportOptions withDtype(String v) {
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
        Optional.of(v),
        gpuPeakFlopsPerSecond,
        recomputeThroughput);
  }

  public ImportOptions withGpuPeakFlopsPerSecond(double v) {
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
        Optional.of(v),
        recomputeThroughput);
  }

  public ImportOptions withRecomputeThroughput(boolean v) {
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
        v);
  }
}

package dev.tandem.profiles.dynamo;

import static dev.tandem.profiles.interpolation.Numbers.compact;

import dev.tandem.profiles.check.Finding;
import dev.tandem.profiles.check.Severity;
import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.EngineSpec;
import dev.tandem.profiles.model.GpuSpec;
import dev.tandem.profiles.model.ModelSpec;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import dev.tandem.profiles.model.ProfileMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one {@link RawRow} into a profile. Per-GPU prefill throughput that disagrees (more than 2%)
 * with {@code ISL / (TTFT/1000) / gpusPerEngine} is replaced by that value; decode throughput whose
 * batch-1 reference point (lowest concurrency at the shortest context) implies a whole-number GPU
 * divisor other than {@code gpusPerEngine} is rescaled to the engine's GPUs. Both are reported.
 * Decode concurrency is {@code kvUsage × maxKvTokens / context}.
 */
final class ProfileAssembler {

  static final double PREFILL_TOLERANCE = 0.02;

  private ProfileAssembler() {}

  static ImportedProfile assemble(RawRow raw, ImportOptions opts, String name, String where) {
    Optional<RawRow.Config> config = raw.config();
    String gpuType = config.map(c -> gpuName(c.gpuType())).or(opts::gpuType).orElseThrow();
    String model = config.map(RawRow.Config::model).or(opts::model).orElseThrow();
    int tp = config.map(RawRow.Config::tp).or(opts::tensorParallelSize).orElseThrow();
    int gpus = opts.gpusPerEngine().orElse(tp);
    String engineName = config.map(RawRow.Config::framework).or(opts::engine).orElse("unknown");
    String version =
        config.map(RawRow.Config::frameworkVersion).or(opts::engineVersion).orElse("unknown");
    List<Finding> findings = new ArrayList<>();
    List<PrefillPoint> prefill = prefill(raw, gpus, opts.recomputeThroughput(), name, findings);
    List<DecodePoint> decode = decode(raw, gpus, opts.recomputeThroughput(), name, findings);
    config.ifPresent(c -> maxBatchSizeNote(c, decode, name, findings));
    String source =
        opts.source()
            .orElse(
                "Imported from NVIDIA Dynamo profiler output ("
                    + raw.form()
                    + ", "
                    + where
                    + "); ai-dynamo/dynamo, Apache-2.0.");
    PerformanceProfile profile =
        new PerformanceProfile(
            new ProfileMetadata(name, source),
            new GpuSpec(gpuType, opts.gpuPeakFlopsPerSecond()),
            new ModelSpec(model, opts.modelParameters(), opts.dtype()),
            new EngineSpec(
                engineName,
                version,
                tp,
                gpus,
                raw.maxKvTokens(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            prefill,
            decode);
    return new ImportedProfile(profile, findings);
  }

  /** {@code h100_sxm} → {@code H100-SXM}. */
  static String gpuName(String dynamo) {
    return dynamo.toUpperCase(Locale.ROOT).replace('_', '-');
  }

  private static List<PrefillPoint> prefill(
      RawRow raw, int gpus, boolean recompute, String name, List<Finding> findings) {
    List<PrefillPoint> points = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    double divisorSum = 0;
    for (int i = 0; i < raw.isl().length; i++) {
      int isl = (int) raw.isl()[i];
      double ttft = raw.ttftMs()[i];
      double stored = raw.prefillThptPerGpu()[i];
      double implied = isl / (ttft / 1000.0) / gpus;
      boolean off = Math.abs(stored / implied - 1) > PREFILL_TOLERANCE;
      if (off) {
        divisorSum += isl / (ttft / 1000.0) / stored;
        if (examples.size() < 3) {
          examples.add(
              "ISL " + isl + ": stored " + compact(stored) + ", recomputed " + compact(implied));
        }
      }
      points.add(new PrefillPoint(isl, ttft, off && recompute ? implied : stored));
    }
    if (!examples.isEmpty()) {
      int count = points.size();
      long offCount = countOff(raw, gpus);
      findings.add(
          new Finding(
              Severity.WARNING,
              "prefill-throughput-recomputed",
              name + " prefill",
              "prefill_thpt_per_gpu disagrees with ISL / TTFT / "
                  + gpus
                  + " GPUs at "
                  + offCount
                  + " of "
                  + count
                  + " points ("
                  + String.join("; ", examples)
                  + "); the stored values imply "
                  + compact(divisorSum / offCount)
                  + " GPUs per engine. "
                  + (recompute
                      ? "The profile uses the recomputed values."
                      : "Kept as stored (recomputation off).")));
    }
    return points;
  }

  private static long countOff(RawRow raw, int gpus) {
    long n = 0;
    for (int i = 0; i < raw.isl().length; i++) {
      double implied = raw.isl()[i] / (raw.ttftMs()[i] / 1000.0) / gpus;
      if (Math.abs(raw.prefillThptPerGpu()[i] / implied - 1) > PREFILL_TOLERANCE) {
        n++;
      }
    }
    return n;
  }

  private static List<DecodePoint> decode(
      RawRow raw, int gpus, boolean recompute, String name, List<Finding> findings) {
    double scale = DecodeDivisor.scale(raw, gpus);
    if (scale != 1.0) {
      findings.add(DecodeDivisor.finding(raw, gpus, scale, recompute, name));
    }
    double factor = recompute ? scale : 1.0;
    List<DecodePoint> points = new ArrayList<>();
    for (int i = 0; i < raw.kvUsage().length; i++) {
      points.add(
          DecodePoint.fromKvUsage(
              raw.contextLength()[i],
              raw.kvUsage()[i],
              raw.maxKvTokens(),
              raw.itlMs()[i],
              raw.decodeThptPerGpu()[i] * factor));
    }
    return points;
  }

  private static void maxBatchSizeNote(
      RawRow.Config c, List<DecodePoint> decode, String name, List<Finding> findings) {
    double most = decode.stream().mapToDouble(DecodePoint::concurrency).max().orElse(0);
    if (most > c.maxBatchSize()) {
      findings.add(
          new Finding(
              Severity.INFO,
              "max-batch-size-ignored",
              name + " engine",
              "config column max_batch_size = "
                  + c.maxBatchSize()
                  + " is not used as engine.maxSequences: the decode points reach "
                  + compact(most)
                  + " sequences (kv_usage × max_kv_tokens / context), so it was not the engine's"
                  + " sequence limit"));
    }
  }
}

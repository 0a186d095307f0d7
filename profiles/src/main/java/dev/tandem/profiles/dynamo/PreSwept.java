package dev.tandem.profiles.dynamo;

import dev.tandem.config.yaml.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pre-swept form: {@code prefill.npz} and {@code decode.npz} whose point arrays have shape (R,
 * N), one row per configuration, with config columns of shape (R, 1) ({@code gpu_type, model,
 * framework, framework_version, tp, dp, pp, block_size, max_batch_size, gpu_count}). One profile
 * per row; the engine uses {@code tp} GPUs ({@code gpu_count} is the node's).
 */
final class PreSwept {

  private PreSwept() {}

  static List<ImportedProfile> assemble(
      Path dir, ArraySet prefill, ArraySet decode, ImportOptions opts) {
    Problems problems = new Problems();
    int rows = prefill.rows("prefill_isl");
    if (decode.rows("x_kv_usage") != rows) {
      decode.problem(
          "x_kv_usage", "has " + decode.rows("x_kv_usage") + " rows, prefill.npz has " + rows);
    }
    List<RawRow> raws = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      Optional<RawRow.Config> config = config(prefill, r);
      Optional<RawRow.Config> decodeConfig = config(decode, r);
      if (config.isPresent() && decodeConfig.isPresent() && !config.equals(decodeConfig)) {
        decode.problem(
            "tp",
            "row "
                + r
                + " config "
                + decodeConfig.get()
                + " differs from prefill.npz's "
                + config.get());
      }
      raws.add(Rows.row("pre-swept npz", prefill, decode, r, config));
    }
    problems.addAll(prefill.problems().list());
    problems.addAll(decode.problems().list());
    problems.throwIfAny();
    String where = DynamoImporter.where(dir);
    List<ImportedProfile> result = new ArrayList<>();
    for (RawRow raw : raws) {
      RawRow.Config c = raw.config().orElseThrow();
      String name = opts.name().map(n -> rows == 1 ? n : n + "-tp" + c.tp()).orElse(defaultName(c));
      result.add(Rows.assemble(raw, opts, name, where));
    }
    return result;
  }

  /** For example {@code h100-sxm-llama-3.3-70b-instruct-fp8-tp4}. */
  static String defaultName(RawRow.Config c) {
    String model = c.model().substring(c.model().lastIndexOf('/') + 1);
    return (c.gpuType() + "-" + model + "-tp" + c.tp()).toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Optional<RawRow.Config> config(ArraySet set, int r) {
    Optional<String> gpu = set.text("gpu_type", r);
    Optional<String> model = set.text("model", r);
    Optional<String> framework = set.text("framework", r);
    Optional<String> version = set.text("framework_version", r);
    Optional<Double> tp = set.number("tp", r);
    Optional<Double> gpuCount = set.number("gpu_count", r);
    Optional<Double> maxBatch = set.number("max_batch_size", r);
    if (gpu.isEmpty()
        || model.isEmpty()
        || framework.isEmpty()
        || version.isEmpty()
        || tp.isEmpty()
        || gpuCount.isEmpty()
        || maxBatch.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RawRow.Config(
            gpu.get(),
            model.get(),
            framework.get(),
            version.get(),
            tp.get().intValue(),
            gpuCount.get().intValue(),
            maxBatch.get().intValue()));
  }
}

package dev.tandem.profiles.io;

import dev.tandem.config.yaml.YamlMap;
import dev.tandem.profiles.model.EngineSpec;
import dev.tandem.profiles.model.GpuSpec;
import dev.tandem.profiles.model.ModelSpec;
import java.util.Optional;

/** Reads the {@code gpu}, {@code model} and {@code engine} sections of a profile. */
final class SpecReader {

  private SpecReader() {}

  static Optional<GpuSpec> gpu(YamlMap m) {
    m.allowOnly(ProfileFormat.GPU);
    m.require("type");
    Optional<String> type = m.string("type");
    Optional<Double> peak = m.number("peakFlopsPerSecond");
    return type.flatMap(t -> PerformanceProfileLoader.build(m, "", () -> new GpuSpec(t, peak)));
  }

  static Optional<ModelSpec> model(YamlMap m) {
    m.allowOnly(ProfileFormat.MODEL);
    m.require("name");
    Optional<String> name = m.string("name");
    Optional<Double> parameters = m.number("parameters");
    Optional<String> dtype = m.string("dtype");
    return name.flatMap(
        n -> PerformanceProfileLoader.build(m, "", () -> new ModelSpec(n, parameters, dtype)));
  }

  static Optional<EngineSpec> engine(YamlMap m) {
    m.allowOnly(ProfileFormat.ENGINE);
    for (String key :
        new String[] {
          "name", "version", "tensorParallelSize", "gpusPerEngine", "kvCapacityTokens"
        }) {
      m.require(key);
    }
    Optional<String> name = m.string("name");
    Optional<String> version = m.string("version");
    Optional<Integer> tp = m.integer("tensorParallelSize");
    Optional<Integer> gpus = m.integer("gpusPerEngine");
    Optional<Long> kv = m.longValue("kvCapacityTokens");
    Optional<Integer> maxBatched = m.integer("maxBatchedTokens");
    Optional<Integer> maxSequences = m.integer("maxSequences");
    Optional<Double> transfer = m.number("kvTransferBytesPerSecond");
    Optional<Double> kvBytes = m.number("kvBytesPerToken");
    if (name.isEmpty() || version.isEmpty() || tp.isEmpty() || gpus.isEmpty() || kv.isEmpty()) {
      return Optional.empty();
    }
    return PerformanceProfileLoader.build(
        m,
        "",
        () ->
            new EngineSpec(
                name.get(),
                version.get(),
                tp.get(),
                gpus.get(),
                kv.get(),
                maxBatched,
                maxSequences,
                transfer,
                kvBytes));
  }
}

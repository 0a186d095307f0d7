package dev.tandem.profiles.io;

import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problem;
import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.SourceLocation;
import dev.tandem.config.yaml.YamlDocument;
import dev.tandem.config.yaml.YamlDocuments;
import dev.tandem.config.yaml.YamlMap;
import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.EngineSpec;
import dev.tandem.profiles.model.GpuSpec;
import dev.tandem.profiles.model.ModelSpec;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import dev.tandem.profiles.model.ProfileMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads {@code kind: PerformanceProfile} documents (format: {@code profiles/PROFILE_FORMAT.md}).
 * Every problem of a file is collected and thrown together as an {@link InvalidInputException},
 * each printed {@code file:line:col: field.path: message}, like policy errors.
 */
public final class PerformanceProfileLoader {

  private PerformanceProfileLoader() {}

  /** Loads the single profile in {@code file}. */
  public static PerformanceProfile load(Path file) {
    List<PerformanceProfile> all = loadAll(file);
    if (all.size() != 1) {
      throw new InvalidInputException(
          List.of(
              new Problem(
                  SourceLocation.ofSource(file.toString()),
                  "",
                  "expected exactly one PerformanceProfile document, found " + all.size())));
    }
    return all.get(0);
  }

  /** Loads every document of {@code file}; each must be a profile. */
  public static List<PerformanceProfile> loadAll(Path file) {
    List<PerformanceProfile> result = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (YamlDocument document : YamlDocuments.read(file)) {
      try {
        result.add(load(document));
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return result;
  }

  /** True when the document's root says {@code kind: PerformanceProfile}. */
  public static boolean isProfile(YamlDocument document) {
    return document
        .rootMap(new Problems())
        .string("kind")
        .filter(ProfileFormat.KIND::equals)
        .isPresent();
  }

  /** Reads one document; throws {@link InvalidInputException} with all its problems. */
  public static PerformanceProfile load(YamlDocument document) {
    Problems problems = new Problems();
    YamlMap root = document.rootMap(problems);
    root.allowOnly(ProfileFormat.ROOT);
    if (root.require("apiVersion")) {
      root.string("apiVersion")
          .filter(v -> !v.equals(ProfileFormat.API_VERSION))
          .ifPresent(
              v ->
                  root.error(
                      "apiVersion", "must be " + ProfileFormat.API_VERSION + ", not '" + v + "'"));
    }
    if (root.require("kind")) {
      root.oneOf("kind", List.of(ProfileFormat.KIND));
      if (root.string("kind").filter(k -> !k.equals(ProfileFormat.KIND)).isPresent()) {
        // another kind of document (often a policy where a profile was meant): its fields would
        // each be "unknown" here, so the kind is the one problem worth reporting
        problems.throwIfAny();
      }
    }
    root.require("metadata");
    root.require("spec");
    Optional<ProfileMetadata> metadata = root.map("metadata").flatMap(m -> metadata(m));
    Optional<YamlMap> spec = root.map("spec");
    PerformanceProfile profile = spec.flatMap(s -> spec(s, metadata)).orElse(null);
    problems.throwIfAny();
    if (profile == null) {
      // Every path that leaves the profile empty records a problem; this guards the invariant.
      throw new InvalidInputException(
          List.of(new Problem(root.location(), "spec", "could not be read")));
    }
    return profile;
  }

  private static Optional<ProfileMetadata> metadata(YamlMap m) {
    m.allowOnly(ProfileFormat.METADATA);
    m.require("name");
    Optional<String> name = m.string("name");
    String source = m.string("source").orElse("");
    return name.flatMap(n -> build(m, "name", () -> new ProfileMetadata(n, source)));
  }

  private static Optional<PerformanceProfile> spec(YamlMap s, Optional<ProfileMetadata> metadata) {
    s.allowOnly(ProfileFormat.SPEC);
    for (String key : ProfileFormat.SPEC) {
      s.require(key);
    }
    Optional<GpuSpec> gpu = s.map("gpu").flatMap(SpecReader::gpu);
    Optional<ModelSpec> model = s.map("model").flatMap(SpecReader::model);
    Optional<EngineSpec> engine = s.map("engine").flatMap(SpecReader::engine);
    List<PrefillPoint> prefill = PointReader.prefill(s);
    List<DecodePoint> decode = PointReader.decode(s, engine.map(EngineSpec::kvCapacityTokens));
    if (metadata.isEmpty() || gpu.isEmpty() || model.isEmpty() || engine.isEmpty()) {
      return Optional.empty();
    }
    if (!s.problems().isEmpty()) {
      return Optional.empty();
    }
    return build(
        s,
        "",
        () ->
            new PerformanceProfile(
                metadata.get(), gpu.get(), model.get(), engine.get(), prefill, decode));
  }

  /** Runs a record constructor; its IllegalArgumentException becomes a problem at {@code key}. */
  static <T> Optional<T> build(YamlMap map, String key, Supplier<T> constructor) {
    try {
      return Optional.of(constructor.get());
    } catch (IllegalArgumentException e) {
      String message = ProfileFormat.fileFieldNames(e.getMessage());
      if (key.isEmpty()) {
        map.error(message);
      } else {
        map.error(key, message);
      }
      return Optional.empty();
    }
  }
}

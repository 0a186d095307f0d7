package dev.tandem.profiles.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.yaml.YamlDocument;
import dev.tandem.config.yaml.YamlDocuments;
import dev.tandem.profiles.SharedData;
import dev.tandem.profiles.dynamo.DynamoImporter;
import dev.tandem.profiles.dynamo.ImportOptions;
import dev.tandem.profiles.dynamo.ImportedProfile;
import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.EngineSpec;
import dev.tandem.profiles.model.GpuSpec;
import dev.tandem.profiles.model.ModelSpec;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import dev.tandem.profiles.model.ProfileMetadata;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The loader reads back exactly what the writer writes. */
class RoundTripTest {

  static Stream<Arguments> profiles() {
    Stream<PerformanceProfile> imported =
        Stream.of(
                DynamoImporter.importDirectory(
                    SharedData.dynamo(SharedData.H100_70B), ImportOptions.defaults()),
                DynamoImporter.importDirectory(
                    SharedData.dynamo(SharedData.H200_CURRENT), SharedData.h200Options()))
            .flatMap(List::stream)
            .map(ImportedProfile::profile);
    return Stream.concat(imported, Stream.of(everyOptionalField()))
        .map(p -> Arguments.of(p.metadata().name(), p));
  }

  /** All optional fields set, a concurrency-only decode point, quotes and newlines in text. */
  static PerformanceProfile everyOptionalField() {
    return new PerformanceProfile(
        new ProfileMetadata("all-fields", "line one \"quoted\"\nline two: a\\b"),
        new GpuSpec("B200", Optional.of(4.5e15)),
        new ModelSpec("org/model: v1.0", Optional.of(70.6e9), Optional.of("bf16")),
        new EngineSpec(
            "sglang", "1.0", 2, 4, 100_000, Optional.of(8192), Optional.of(256), Optional.of(5e10)),
        List.of(new PrefillPoint(128, 10.5, 3047.6190476190477), new PrefillPoint(4096, 120, 8533)),
        List.of(
            new DecodePoint(1000, Optional.empty(), 8, 12.25, 163.26530612244898),
            DecodePoint.fromKvUsage(1000, 0.000123456789, 100_000, 13, 1e-3),
            new DecodePoint(2000, Optional.of(0.5), 25.0, 20, 300)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void loaderReadsBackWhatTheWriterWrites(String name, PerformanceProfile profile) {
    String yaml = PerformanceProfileWriter.write(profile);
    List<YamlDocument> documents = YamlDocuments.read(name + ".yaml", yaml);
    assertThat(documents).hasSize(1);
    assertThat(PerformanceProfileLoader.isProfile(documents.get(0))).isTrue();
    assertThat(PerformanceProfileLoader.load(documents.get(0))).isEqualTo(profile);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void pointsAreOneFlowRowEach(String name, PerformanceProfile profile) {
    String yaml = PerformanceProfileWriter.write(profile);
    assertThat(yaml.lines().filter(l -> l.startsWith("    - {isl: ")))
        .hasSize(profile.prefill().size());
    assertThat(yaml.lines().filter(l -> l.startsWith("    - {context: ")))
        .hasSize(profile.decode().size());
    assertThat(yaml).startsWith("# Tandem performance profile: " + name + "\n");
  }
}

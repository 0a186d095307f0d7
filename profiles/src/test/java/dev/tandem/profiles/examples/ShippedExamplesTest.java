package dev.tandem.profiles.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.profiles.ExampleProfiles;
import dev.tandem.profiles.SharedData;
import dev.tandem.profiles.check.Finding;
import dev.tandem.profiles.check.ProfileChecks;
import dev.tandem.profiles.check.Severity;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files under {@code examples/profiles/} are exactly what the importer and writer produce from
 * the Dynamo data shipped in {@code data/dynamo-profiles}, so they cannot drift; each loads and has
 * no ERROR finding. To regenerate: {@code ExampleProfiles.main} (or set {@code
 * -Dtandem.writeExamples=true} for this test).
 */
class ShippedExamplesTest {

  static Stream<Arguments> files() {
    Map<String, String> generated = ExampleProfiles.generate();
    if (Boolean.getBoolean("tandem.writeExamples")) {
      try {
        ExampleProfiles.main(new String[0]);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return generated.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void shippedFileEqualsWhatTheImporterProduces(String file, String expected) throws IOException {
    Path shipped = SharedData.examples().resolve(file);
    assertThat(Files.readString(shipped)).isEqualTo(expected);
    PerformanceProfile profile = PerformanceProfileLoader.load(shipped);
    assertThat(ProfileChecks.check(profile))
        .extracting(Finding::severity)
        .doesNotContain(Severity.ERROR);
  }

  @Test
  void theH200FileHoldsTheCurrentTestDataValues() {
    PerformanceProfile shipped =
        PerformanceProfileLoader.load(
            SharedData.examples().resolve("h200-llama-3.1-8b-fp8-tp1.yaml"));
    PerformanceProfile testData = SharedData.h200Current();
    assertThat(shipped.prefill()).isEqualTo(testData.prefill());
    assertThat(shipped.decode()).isEqualTo(testData.decode());
    assertThat(shipped.engine().kvCapacityTokens()).isEqualTo(testData.engine().kvCapacityTokens());
  }
}

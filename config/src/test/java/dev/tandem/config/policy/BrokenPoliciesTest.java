package dev.tandem.config.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problem;
import dev.tandem.config.yaml.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code src/test/resources/broken} is a policy with known mistakes. Its {@code #
 * expect:} comment lines are the exact problems the loader must report, in order, without the file
 * name in front ({@code line:column: field.path: message}).
 */
class BrokenPoliciesTest {

  static final Path BROKEN = Path.of("src/test/resources/broken");
  private static final String EXPECT = "# expect: ";

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(BROKEN)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheExpectedProblems(Path fixture) throws IOException {
    List<String> expected = expectations(fixture);

    assertThatThrownBy(() -> new SlaPolicyLoader().load(fixture))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems().stream().map(Problem::toString).toList())
                    .containsExactlyElementsOf(expected));
    assertThat(expected).as("every fixture states what it expects").isNotEmpty();
  }

  @Test
  void aDirectoryReportsTheProblemsOfAllItsFilesTogether() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Path fixture : fixtures().toList()) {
      expected.addAll(expectations(fixture));
    }

    Problems problems = new Problems();
    PolicySet set = new SlaPolicyLoader().read(BROKEN, problems);

    assertThat(problems.list().stream().map(Problem::toString).toList())
        .containsExactlyInAnyOrderElementsOf(expected);
    // Only the two otherwise valid policies of duplicate-policy-names.yaml load.
    assertThat(set.policies()).hasSize(2);
  }

  @Test
  void theExceptionMessageListsEveryProblem() {
    assertThatThrownBy(() -> new SlaPolicyLoader().load(BROKEN.resolve("min-above-max.yaml")))
        .hasMessage(
            "1 problem:\n  src/test/resources/broken/min-above-max.yaml:19:7:"
                + " spec.roles.decode.minReplicas: 9 is above maxReplicas 8");
  }

  static List<String> expectations(Path fixture) throws IOException {
    return Files.readAllLines(fixture).stream()
        .filter(line -> line.startsWith(EXPECT))
        .map(line -> fixture + ":" + line.substring(EXPECT.length()))
        .toList();
  }
}

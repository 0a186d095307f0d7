package dev.tandem.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the module rules of docs/ARCHITECTURE.md on the production classes, and proves that each
 * rule fails on a fixture that breaks it (a rule that cannot fail protects nothing).
 */
class ArchitectureTest {

  private static JavaClasses production;
  private static JavaClasses fixtures;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tandem");
    fixtures = new ClassFileImporter().importPackages("dev.tandem.architecture.fixture");
  }

  @Test
  void theWholeCoreIsOnTheClasspath() {
    // If a module's classes were missing, every rule below would pass vacuously.
    for (String pkg :
        new String[] {
          "dev.tandem.config", "dev.tandem.profiles", "dev.tandem.planner", "dev.tandem.forecasting"
        }) {
      assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as("classes of %s imported", pkg)
          .isTrue();
    }
  }

  static Stream<Arguments> productionRules() {
    return Stream.of(
        Arguments.of(
            "core: no clock, sleep, env or unseeded randomness",
            CoreRules.noClockNoUnseededRandomness(CoreRules.CORE)),
        Arguments.of("decision code: no I/O", CoreRules.noIo(CoreRules.DECISION)),
        Arguments.of("core: no adapter libraries", CoreRules.noAdapterLibraries(CoreRules.CORE)),
        Arguments.of("config is a leaf", CoreRules.configIsALeaf()),
        Arguments.of("core does not reach up", CoreRules.coreDoesNotReachUp(CoreRules.CORE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("productionRules")
  void productionCodeKeepsTheRule(String name, ArchRule rule) {
    rule.check(production);
  }

  static Stream<Arguments> brokenFixtures() {
    return Stream.of(
        Arguments.of("Instant.now()", "Instant.now()"),
        Arguments.of("System.nanoTime()", "System.nanoTime()"),
        Arguments.of("new Random()", "Random.<init>()"),
        Arguments.of("Thread.sleep(long)", "Thread.sleep(long)"),
        Arguments.of("Math.random()", "Math.random()"),
        Arguments.of("System.getenv(String)", "System.getenv(String)"));
  }

  @ParameterizedTest(name = "the clock rule catches {0}")
  @MethodSource("brokenFixtures")
  void theClockRuleFailsOnAFixtureThatBreaksIt(String name, String expectedCall) {
    ArchRule rule = CoreRules.noClockNoUnseededRandomness("dev.tandem.architecture.fixture..");
    assertThatThrownBy(() -> rule.check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(expectedCall)
        .hasMessageContaining("ClockReadingSizer");
  }

  @Test
  void theClockRuleAllowsSeededRandomnessAndAnInjectedNow() {
    ArchRule rule =
        CoreRules.noClockNoUnseededRandomness("dev.tandem.architecture.fixture.clean..");
    rule.check(fixtures);
  }

  @Test
  void theIoRuleFailsOnAFixtureThatReadsAFile() {
    assertThatThrownBy(() -> CoreRules.noIo("dev.tandem.architecture.fixture..").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("FileReadingForecaster")
        .hasMessageContaining("java.nio.file.Files");
  }
}

package dev.tandem.simulations.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.arrivals.ArrivalSource;
import dev.tandem.simulations.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in scenario builds, states its choices, and delivers the load it describes. */
class ScenarioCatalogTest {

  static Path data() {
    return TestProfiles.root().resolve("data/traces").normalize();
  }

  static ScenarioCatalog.Options options() {
    return ScenarioCatalog.Options.of(TestProfiles.h200(), Optional.of(data()), 42);
  }

  static Stream<String> names() {
    return ScenarioCatalog.entries().stream().map(ScenarioCatalog.Entry::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void everyScenarioStatesItsProfileStartUpAndSla(String name) {
    Scenario s = ScenarioCatalog.build(name, options());
    assertThat(s.name()).isEqualTo(name);
    assertThat(s.description())
        .contains("h200-llama-3.1-8b-fp8-tp1")
        .contains("start-up 60 s")
        .contains("p90 TTFT")
        .contains("p90 ITL");
    assertThat(s.config().horizonMicros()).isPositive();
    assertThat(PolicyRegistry.standard().knows(ScenarioCatalog.entry(name).get().policies().get(0)))
        .isTrue();
  }

  record Load(String name, long minRequests, long maxRequests) {}

  static Stream<Load> loads() {
    // Azure traces, one hour: code 8,819 × 12 copies; conv 19,366 × 16; mix thins code ×24 and
    // conv ×16 by w and 1 − w with E[w] = 0.5 over the hour.
    return Stream.of(
        new Load("azure-code", 8_819L * 12, 8_819L * 12),
        new Load("azure-conv", 19_366L * 16, 19_366L * 16),
        new Load("azure-mix", 240_000, 280_000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loads")
  void azureScenariosReplayTheShippedTracesScaledUp(Load l) {
    Scenario s = ScenarioCatalog.build(l.name(), options());
    ArrivalSource a = s.arrivals().open(s.seed());
    long n = 0;
    long last = -1;
    while (a.advance()) {
      assertThat(a.arrivalMicros()).isGreaterThanOrEqualTo(last);
      last = a.arrivalMicros();
      n++;
    }
    assertThat(n).isBetween(l.minRequests(), l.maxRequests());
  }

  @Test
  void theMixShiftsFromConversationToCodeAndBack() {
    Scenario s = ScenarioCatalog.build("azure-mix", options());
    ArrivalSource a = s.arrivals().open(s.seed());
    // Code requests have short outputs: the mean OSL falls while code dominates mid-hour.
    double[] osl = new double[3];
    long[] n = new long[3];
    while (a.advance()) {
      int part = (int) Math.min(2, a.arrivalMicros() / 1_200_000_000L);
      osl[part] += a.outputTokens();
      n[part]++;
    }
    double first = osl[0] / n[0];
    double middle = osl[1] / n[1];
    double last = osl[2] / n[2];
    assertThat(middle).isLessThan(first * 0.6).isLessThan(last * 0.6);
  }

  @Test
  void overridesCutTheLoadAndChangeTheStartUp() {
    ScenarioCatalog.Options o =
        new ScenarioCatalog.Options(
            TestProfiles.h200(),
            Optional.empty(),
            42,
            Optional.of(Duration.ofSeconds(120)),
            Optional.of(Duration.ofMinutes(5)),
            Optional.of(dev.tandem.simulations.cluster.PrefillQueue.SHARED));
    Scenario s = ScenarioCatalog.build("dynamo-sinusoid", o);
    assertThat(s.config().startupMicros()).isEqualTo(120_000_000L);
    assertThat(s.config().horizonMicros()).isEqualTo(300_000_000L);
    assertThat(s.config().cluster().sharedPrefillQueue()).isTrue();
    ArrivalSource a = s.arrivals().open(42);
    long last = 0;
    while (a.advance()) {
      last = a.arrivalMicros();
    }
    assertThat(last).isLessThan(300_000_000L);
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    assertThatThrownBy(() -> ScenarioCatalog.build("nope", options()))
        .hasMessageContaining("azure-mix")
        .hasMessageContaining("servegen-large-day");
    assertThatThrownBy(() -> PolicyRegistry.standard().create("nope", null))
        .hasMessageContaining("best-static")
        .hasMessageContaining("oracle");
  }
}

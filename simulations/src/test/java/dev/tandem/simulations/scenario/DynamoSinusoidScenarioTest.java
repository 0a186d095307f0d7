package dev.tandem.simulations.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.report.ReportTable;
import dev.tandem.simulations.report.RunSummary;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Runs the built-in {@code dynamo-sinusoid} scenario and prints its table with the wall time and
 * simulated requests per wall-second of each policy (printed, not asserted: no timed unit tests).
 */
class DynamoSinusoidScenarioTest {

  @Test
  void everyPolicyServesEveryRequestAndTheTableIsPrinted() {
    Scenario scenario = BuiltInScenarios.dynamoSinusoid(TestProfiles.h200(), 42);
    List<ScenarioRunner.TimedReport> runs = ScenarioRunner.runAll(scenario);
    List<RunSummary> rows = runs.stream().map(r -> r.report().summary()).toList();
    System.out.println(scenario.name() + ": " + scenario.description());
    System.out.print(ReportTable.render(rows));
    for (ScenarioRunner.TimedReport r : runs) {
      System.out.printf(
          Locale.ROOT,
          "%s: %d requests in %.3f s wall, %.0f simulated requests per wall-second%n",
          r.report().summary().policy(),
          r.report().summary().requests(),
          r.wallNanos() / 1e9,
          r.requestsPerWallSecond());
    }
    assertThat(rows)
        .extracting(RunSummary::policy)
        .containsExactly("static-2p2d", "dynamo-sla", "hpa-w1-kv0.15");
    for (RunSummary r : rows) {
      assertThat(r.completed()).isEqualTo(r.requests());
      assertThat(r.requests()).isBetween(85_000L, 95_000L);
    }
    // The static split holds exactly 4 GPUs from 0 until the last completion.
    RunSummary fixed = rows.get(0);
    assertThat(fixed.gpuHours()).isCloseTo(4 * fixed.simulatedSeconds() / 3600, within(1e-9));
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}

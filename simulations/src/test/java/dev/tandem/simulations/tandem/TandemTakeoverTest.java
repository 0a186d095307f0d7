package dev.tandem.simulations.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.planner.TickReport;
import dev.tandem.simulations.catalog.ScenarioCatalog;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.report.IntervalRow;
import dev.tandem.simulations.report.SimulationReport;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.Scenario;
import dev.tandem.simulations.scenario.ScenarioRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tandem taking over a deployment that has been serving (the {@code tandem-takeover} policy): a
 * fixed split through the warm-up, then the production loop, its forecast warmed from the snapshots
 * taken meanwhile ({@code ControlLoop.backfill}).
 */
class TandemTakeoverTest {

  @Test
  void theFirstDecisionAfterTheWarmUpForecastsFromItsHistory() {
    Scenario s =
        ScenarioCatalog.withWarmUp(
            TandemPolicyTest.sinusoid(Duration.ofMinutes(30)), Duration.ofMinutes(30));
    long takeOver = s.config().measureFromMicros();
    PolicyContext ctx = PolicyContext.of(s, 0.9, line -> {});
    ReplicaTargets split = ctx.peakCountsBefore(takeOver);
    List<TickReport> ticks = new ArrayList<>();
    SimulationReport report =
        ScenarioRunner.run(
            s.arrivals(),
            TandemPolicy.forScenario(s.config(), TandemSettings.defaults(), split)
                .takingOverAt(takeOver)
                .onTick(ticks::add),
            s.config(),
            s.seed());

    // the split sized for the swing's crest (capped by the scenario's 8 GPUs, as any request is)
    // holds through the warm-up: the loop does not run
    Instant from = ObservationSnapshots.instant(takeOver);
    assertThat(ticks.get(0).at()).isEqualTo(from);
    IntervalRow firstRow = report.series().get(0);
    assertThat(firstRow.prefillReady()).isGreaterThan(2);
    for (IntervalRow r : report.series()) {
      if (r.endSeconds() * 1e6 < takeOver) {
        assertThat(r.prefillReady()).isEqualTo(firstRow.prefillReady());
        assertThat(r.decodeReady()).isEqualTo(firstRow.decodeReady());
      }
    }
    // the first decision reads the 30 minutes before it, 30 s apart: 59 snapshots (the instant the
    // run began holds none)
    TickReport first = ticks.get(0);
    assertThat(first.backfills())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.asked()).isEqualTo(120);
              assertThat(b.readings()).isEqualTo(59);
            });
    assertThat(first.plans().get(0).prefillForecast().reason()).startsWith("selector on 30s ticks");
    assertThat(ticks.get(1).backfills()).isEmpty();
  }
}

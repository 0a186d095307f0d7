package dev.tandem.simulations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.arrivals.SinusoidArrivals;
import dev.tandem.simulations.arrivals.WarmUpArrivals;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.report.SimulationReport;
import dev.tandem.simulations.scenario.ScenarioRunner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A run judged after a warm-up counts only what follows it: for a fixed split, whose engines do not
 * depend on the past, the judged part reports what a run of the judged load alone reports.
 */
class WarmUpTest {

  private static final SinusoidArrivals LOAD = new SinusoidArrivals(5, 45, 600, 1200, 3000, 300);
  private static final SimulationConfig CONFIG =
      SimulationConfig.of(
              TestProfiles.h200(), SlaTargets.millis(90, 200, 90, 10), Duration.ofSeconds(60))
          .withHorizon(Duration.ofSeconds(1200));

  @Test
  void onlyTheJudgedPartIsReported() {
    SimulationReport alone = ScenarioRunner.run(LOAD, new StaticSplitPolicy(3, 3), CONFIG, 42);
    SimulationReport warmed =
        ScenarioRunner.run(
            new WarmUpArrivals(LOAD, 600_000_000L),
            new StaticSplitPolicy(3, 3),
            CONFIG.withWarmUp(Duration.ofSeconds(600)),
            42);
    RunSummary a = alone.summary();
    RunSummary w = warmed.summary();

    assertThat(w.requests()).isEqualTo(a.requests());
    assertThat(w.completed()).isEqualTo(a.completed());
    // six engines for the judged 20 minutes (and the seconds the last requests take), not for
    // the half-hour they were held
    assertThat(w.gpuHours()).isCloseTo(a.gpuHours(), within(1e-3));
    assertThat(w.gpuHours()).isCloseTo(6 * 1200 / 3600.0, within(0.01));
    assertThat(w.slaWindows()).isEqualTo(a.slaWindows());
    assertThat(w.durationSeconds()).isEqualTo(1200);
    // a trough ends the warm-up: the same requests meet their thresholds within a few
    assertThat(w.bothAttainment()).isCloseTo(a.bothAttainment(), within(0.002));
    assertThat(w.scalingActions()).isZero();
    // the warm-up's windows are in the series (judged, not counted), the judged ones after them
    assertThat(warmed.series()).hasSize(alone.series().size() + 10);
    assertThat(warmed.series().get(10).startSeconds()).isEqualTo(600);
  }

  @Test
  void theJudgedPartStartsOnAWindow() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CONFIG.withWarmUp(Duration.ofSeconds(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number");
  }
}

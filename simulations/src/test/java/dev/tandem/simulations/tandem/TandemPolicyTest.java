package dev.tandem.simulations.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.catalog.ScenarioCatalog;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import dev.tandem.simulations.report.ReportCsv;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.report.SimulationReport;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.Scenario;
import dev.tandem.simulations.scenario.ScenarioRunner;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tandem (the real ControlLoop, planner and forecasting selector) on the first 20 minutes of
 * dynamo-sinusoid (two periods of 5→45 req/s, ≈ 30,000 requests; a few seconds), against the static
 * 2P/2D split of the same run.
 */
class TandemPolicyTest {

  private static Scenario sinusoid20() {
    return sinusoid(Duration.ofMinutes(20));
  }

  /** The first {@code length} of dynamo-sinusoid, seed 42. */
  static Scenario sinusoid(Duration length) {
    return ScenarioCatalog.build(
        "dynamo-sinusoid",
        new ScenarioCatalog.Options(
            TestProfiles.h200(),
            Optional.empty(),
            42,
            Optional.empty(),
            Optional.of(length),
            Optional.empty()));
  }

  private static SimulationReport tandem(Scenario s) {
    ReplicaTargets warm = PolicyContext.of(s, 0.9, line -> {}).initialCounts();
    return ScenarioRunner.run(
        s.arrivals(),
        TandemPolicy.forScenario(s.config(), TandemSettings.defaults(), warm),
        s.config(),
        s.seed());
  }

  @Test
  void tandemMeetsTheSlaWhereTheStaticSplitFailsAtBoundedCost() {
    Scenario s = sinusoid20();
    RunSummary t = tandem(s).summary();
    RunSummary fixed =
        ScenarioRunner.run(s.arrivals(), new StaticSplitPolicy(2, 2), s.config(), s.seed())
            .summary();
    // measured (seed 42): tandem 0.76 SLA attainment (the first ramp, during the forecaster's
    // cold start, misses 4 of 21 windows; the whole hour reaches 0.90); 2P/2D cannot carry the
    // crest of 45 req/s
    assertThat(t.slaAttainment()).isGreaterThanOrEqualTo(0.7);
    assertThat(t.slaAttainment()).isGreaterThan(fixed.slaAttainment() + 0.3);
    // measured 3.93 GPU-h = 2.95× the 1.33 of 2P/2D (it overshoots to 8P/9D on the first ramp)
    assertThat(t.gpuHours()).isLessThanOrEqualTo(3.5 * fixed.gpuHours());
    assertThat(t.scalingActions()).isGreaterThan(0);
  }

  @Test
  void theSameSeedGivesTheSameReportWithTandemInTheLoop() {
    Scenario s = sinusoid20();
    assertThat(csv(tandem(s))).isEqualTo(csv(tandem(s)));
  }

  private static String csv(SimulationReport r) {
    StringWriter w = new StringWriter();
    ReportCsv.writeSummary(List.of(r.summary()), w);
    ReportCsv.writeSeries(r.series(), w);
    return w.toString();
  }
}

package dev.tandem.simulations.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.catalog.ScenarioCatalog;
import dev.tandem.simulations.policy.oracle.SchedulePolicy;
import dev.tandem.simulations.report.IntervalRow;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.Scenario;
import dev.tandem.simulations.scenario.ScenarioRunner;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SLA oracle's local runs: from window 0 a local run is the full run with the load cut (every
 * window's figures equal); from a later window it carries exactly that stretch's arrivals, shifted,
 * and its windows are numbered from the stretch's start.
 */
class LocalRunsTest {

  static PolicyContext ctx;
  static int[] prefill;
  static int[] decode;

  @BeforeAll
  static void scenario() {
    Scenario s =
        ScenarioCatalog.build(
            "dynamo-sinusoid",
            new ScenarioCatalog.Options(
                TestProfiles.h200(),
                Optional.empty(),
                7,
                Optional.empty(),
                Optional.of(Duration.ofMinutes(12)),
                Optional.empty()));
    ctx = PolicyContext.of(s, 0.9, line -> {});
    // A schedule that moves: 2P/2D, up to 4P/3D in the middle, back down.
    prefill = new int[] {2, 2, 3, 4, 4, 4, 3, 2, 2, 3, 4, 4};
    decode = new int[] {2, 2, 2, 3, 3, 3, 2, 2, 2, 2, 3, 3};
  }

  static List<IntervalRow> full() {
    SchedulePolicy p =
        new SchedulePolicy(
            "oracle", prefill, decode, SlaOracle.INTERVAL_MICROS, ctx.config().startupMicros());
    return ScenarioRunner.run(ctx.arrivals(), p, ctx.config(), ctx.seed()).series();
  }

  @Test
  void fromWindowZeroALocalRunIsTheFullRunCut() {
    LocalRuns local = LocalRuns.of(ctx.arrivals(), ctx.seed(), SlaOracle.INTERVAL_MICROS);
    List<IntervalRow> full = full();
    List<IntervalRow> cut = local.run(0, 8, prefill, decode, ctx.config());

    for (int w = 0; w < 8; w++) {
      IntervalRow a = full.get(w);
      IntervalRow b = cut.get(w);
      assertThat(b.arrivals()).as("window %d arrivals", w).isEqualTo(a.arrivals());
      // Completions in the last windows differ only if later arrivals could reach them: they
      // cannot.
      assertThat(b.ttftP90Millis()).as("window %d TTFT p90", w).isEqualTo(a.ttftP90Millis());
      assertThat(b.itlP90Millis()).as("window %d ITL p90", w).isEqualTo(a.itlP90Millis());
      assertThat(b.prefillReady()).as("window %d prefill ready", w).isEqualTo(a.prefillReady());
      assertThat(b.decodeReady()).as("window %d decode ready", w).isEqualTo(a.decodeReady());
    }
    assertThat(local.simulations()).isEqualTo(1);
    assertThat(local.simulatedWindows()).isEqualTo(8);
  }

  @Test
  void aLaterStretchCarriesItsOwnArrivalsAndTheScheduleFromItsStart() {
    LocalRuns local = LocalRuns.of(ctx.arrivals(), ctx.seed(), SlaOracle.INTERVAL_MICROS);
    List<IntervalRow> full = full();
    List<IntervalRow> stretch = local.run(5, 9, prefill, decode, ctx.config());

    for (int i = 0; i < 4; i++) {
      assertThat(stretch.get(i).arrivals())
          .as("window %d", 5 + i)
          .isEqualTo(full.get(5 + i).arrivals());
      assertThat(stretch.get(i).inputTokens()).isEqualTo(full.get(5 + i).inputTokens());
    }
    // Warm at 4P (max of intervals 5 and 6) from the stretch's start, then as scheduled: by window
    // 7 (index 2) the stretch holds what the full run holds, max(P7, P8) = 2.
    assertThat(stretch.get(0).prefillReady()).isEqualTo(4);
    assertThat(stretch.get(2).prefillReady()).isEqualTo(full.get(7).prefillReady());
  }
}

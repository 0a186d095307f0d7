package dev.tandem.simulations.compare;

import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.ScenarioRunner;
import java.util.Locale;

/** Runs one knob setting of a sweep at full fidelity and logs what it got. */
final class Evaluator {

  private Evaluator() {}

  static RunSummary run(PolicyContext ctx, String label, ScalingPolicy policy) {
    RunSummary s = ScenarioRunner.run(ctx.arrivals(), policy, ctx.config(), ctx.seed()).summary();
    ctx.log(
        String.format(
            Locale.ROOT,
            "  sweep %-28s SLA %5.1f%%  (TTFT %5.1f%%, ITL %5.1f%%)  %8.3f GPU-h",
            label,
            pct(s.slaAttainment()),
            pct(s.ttftSlaAttainment()),
            pct(s.itlSlaAttainment()),
            s.gpuHours()));
    return s;
  }

  static FrontierPoint point(String label, RunSummary s) {
    return new FrontierPoint(label, s.gpuHours(), nanToZero(s.slaAttainment()));
  }

  static double nanToZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static double pct(double share) {
    return 100 * nanToZero(share);
  }
}

package dev.tandem.simulations.compare;

import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.ScenarioRunner;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

  /**
   * Runs the fixed split (p, d) and keeps its summary in the context's record of static runs
   * ({@link #staticRuns}), so every search and sweep that runs fixed splits adds to the same set.
   */
  static RunSummary runStatic(PolicyContext ctx, int p, int d) {
    Map<ReplicaTargets, RunSummary> runs = staticRuns(ctx);
    ReplicaTargets split = new ReplicaTargets(p, d);
    RunSummary s = runs.get(split);
    if (s == null) {
      s = run(ctx, StaticSplitPolicy.name(p, d), new StaticSplitPolicy(p, d));
      runs.put(split, s);
    }
    return s;
  }

  /** Every fixed split run in this context so far, in the order run. */
  static Map<ReplicaTargets, RunSummary> staticRuns(PolicyContext ctx) {
    return ctx.memo("static-runs", LinkedHashMap::new);
  }

  static FrontierPoint point(String label, RunSummary s) {
    return new FrontierPoint(label, s.gpuHours(), nanToZero(s.slaAttainment()));
  }

  /** The run as a point on the request-level frontier: the share meeting both thresholds. */
  static FrontierPoint requestPoint(String label, RunSummary s) {
    return new FrontierPoint(label, s.gpuHours(), nanToZero(s.bothAttainment()));
  }

  static double nanToZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static double pct(double share) {
    return 100 * nanToZero(share);
  }
}

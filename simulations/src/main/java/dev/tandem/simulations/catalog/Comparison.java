package dev.tandem.simulations.catalog;

import dev.tandem.simulations.compare.BaselineSweeps;
import dev.tandem.simulations.compare.Frontier;
import dev.tandem.simulations.compare.FrontierComparison;
import dev.tandem.simulations.engine.ProgressListener;
import dev.tandem.simulations.engine.Simulation;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.report.SimulationReport;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a scenario's policies by name and, when asked, the baseline sweeps and the frontier
 * comparison. Wall times are measured here (outside the deterministic reports).
 *
 * @param scenario what ran
 * @param runs one per policy, in the order asked
 * @param frontiers the baselines' frontiers (empty without sweeps)
 * @param comparisons every run against every frontier (empty without sweeps)
 * @param byRequests every run against the static splits' frontier by requests ({@link
 *     BaselineSweeps#staticByRequests}: the share of requests meeting both thresholds), empty
 *     without sweeps
 * @param targetAttainment the searched baselines' target
 * @param sweepWallNanos wall time spent in sweeps and searches
 */
public record Comparison(
    Scenario scenario,
    List<PolicyRun> runs,
    List<Frontier> frontiers,
    List<FrontierComparison> comparisons,
    List<FrontierComparison> byRequests,
    double targetAttainment,
    long sweepWallNanos) {

  /** One policy's report with the wall time of its run. */
  public record PolicyRun(SimulationReport report, long wallNanos) {

    /** Simulated requests per wall-clock second. */
    public double requestsPerWallSecond() {
      return report.summary().requests() / Math.max(1e-9, wallNanos / 1e9);
    }
  }

  /** How to run: which policies, whether to sweep, and where progress goes. */
  public record Plan(
      List<String> policies,
      boolean frontier,
      double targetAttainment,
      Function<String, ProgressListener> progress,
      Consumer<String> log) {}

  public List<RunSummary> summaries() {
    return runs.stream().map(r -> r.report().summary()).toList();
  }

  public List<SimulationReport> reports() {
    return runs.stream().map(PolicyRun::report).toList();
  }

  /** Runs {@code plan} on {@code scenario}. */
  public static Comparison run(Scenario scenario, PolicyRegistry registry, Plan plan) {
    PolicyContext ctx = PolicyContext.of(scenario, plan.targetAttainment(), plan.log());
    for (String name : plan.policies()) {
      if (!registry.knows(name)) {
        registry.create(name, ctx); // throws with the list of known names
      }
    }
    long sweep = 0;
    List<PolicyRun> runs = new ArrayList<>();
    for (String name : plan.policies()) {
      long t0 = System.nanoTime();
      ScalingPolicy policy = registry.create(name, ctx);
      long t1 = System.nanoTime();
      sweep += t1 - t0;
      SimulationReport r =
          new Simulation(
                  scenario.arrivals().open(scenario.seed()),
                  policy,
                  scenario.config(),
                  plan.progress().apply(policy.name()))
              .run();
      runs.add(new PolicyRun(r, System.nanoTime() - t1));
    }
    List<Frontier> frontiers = List.of();
    List<FrontierComparison> comparisons = new ArrayList<>();
    List<FrontierComparison> byRequests = new ArrayList<>();
    if (plan.frontier()) {
      long t0 = System.nanoTime();
      frontiers = BaselineSweeps.all(ctx);
      sweep += System.nanoTime() - t0;
      for (PolicyRun run : runs) {
        RunSummary s = run.report().summary();
        double attainment = Double.isNaN(s.slaAttainment()) ? 0 : s.slaAttainment();
        for (Frontier f : frontiers) {
          comparisons.add(FrontierComparison.of(s.policy(), attainment, s.gpuHours(), f));
        }
      }
      Frontier requests = BaselineSweeps.staticByRequests(ctx);
      for (PolicyRun run : runs) {
        RunSummary s = run.report().summary();
        double both = Double.isNaN(s.bothAttainment()) ? 0 : s.bothAttainment();
        byRequests.add(FrontierComparison.of(s.policy(), both, s.gpuHours(), requests));
      }
    }
    return new Comparison(
        scenario, runs, frontiers, comparisons, byRequests, plan.targetAttainment(), sweep);
  }
}

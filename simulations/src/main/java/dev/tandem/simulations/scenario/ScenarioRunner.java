package dev.tandem.simulations.scenario;

import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.arrivals.ArrivalStream;
import dev.tandem.simulations.engine.ProgressListener;
import dev.tandem.simulations.engine.Simulation;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.report.SimulationReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Entry points of the simulator's Java API: one run, or every policy of a {@link Scenario}.
 *
 * <pre>{@code
 * SimulationReport r = ScenarioRunner.run(arrivals, profile, SlaTargets.millis(90, 200, 90, 10),
 *     Duration.ofSeconds(60), new StaticSplitPolicy(2, 2), 42);
 * }</pre>
 */
public final class ScenarioRunner {

  private ScenarioRunner() {}

  /** One run with the default cluster and metrics settings ({@link SimulationConfig#of}). */
  public static SimulationReport run(
      ArrivalStream arrivals,
      PerformanceProfile profile,
      SlaTargets sla,
      Duration startup,
      ScalingPolicy policy,
      long seed) {
    return run(arrivals, policy, SimulationConfig.of(profile, sla, startup), seed);
  }

  /** One run; {@code seed} is handed to the arrival stream. */
  public static SimulationReport run(
      ArrivalStream arrivals, ScalingPolicy policy, SimulationConfig config, long seed) {
    return run(arrivals, policy, config, seed, ProgressListener.NONE);
  }

  public static SimulationReport run(
      ArrivalStream arrivals,
      ScalingPolicy policy,
      SimulationConfig config,
      long seed,
      ProgressListener progress) {
    return new Simulation(arrivals.open(seed), policy, config, progress).run();
  }

  /** A finished run with the wall time it took (kept out of the report, which is deterministic). */
  public record TimedReport(SimulationReport report, long wallNanos) {

    /** Simulated requests per wall-clock second. */
    public double requestsPerWallSecond() {
      return report.summary().requests() / (wallNanos / 1e9);
    }
  }

  /** Runs every policy of {@code scenario} in order, each on a fresh instance and the same seed. */
  public static List<TimedReport> runAll(Scenario scenario) {
    List<TimedReport> out = new ArrayList<>();
    for (Supplier<ScalingPolicy> policy : scenario.policies()) {
      long start = System.nanoTime();
      SimulationReport r =
          run(scenario.arrivals(), policy.get(), scenario.config(), scenario.seed());
      out.add(new TimedReport(r, System.nanoTime() - start));
    }
    return out;
  }
}

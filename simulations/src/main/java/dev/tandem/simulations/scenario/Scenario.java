package dev.tandem.simulations.scenario;

import dev.tandem.simulations.arrivals.ArrivalStream;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.policy.ScalingPolicy;
import java.util.List;
import java.util.function.Supplier;

/**
 * A named comparison: one load, one cluster configuration, several policies (each built fresh per
 * run), one seed.
 *
 * @param name e.g. {@code dynamo-sinusoid}
 * @param description the load, profile, rate scaling, start-up time and SLA, in words
 * @param arrivals the load
 * @param config profile, SLA, start-up time, cluster and metrics settings
 * @param policies the policies compared, in report order
 * @param seed handed to the arrival stream
 */
public record Scenario(
    String name,
    String description,
    ArrivalStream arrivals,
    SimulationConfig config,
    List<Supplier<ScalingPolicy>> policies,
    long seed) {

  public Scenario {
    policies = List.copyOf(policies);
  }

  /** The same scenario comparing other policies. */
  public Scenario withPolicies(List<Supplier<ScalingPolicy>> others) {
    return new Scenario(name, description, arrivals, config, others, seed);
  }

  /** The same scenario with another configuration (start-up time, horizon, cluster). */
  public Scenario withConfig(SimulationConfig other) {
    return new Scenario(name, description, arrivals, other, policies, seed);
  }

  /** The same scenario with other arrivals (e.g. cut short). */
  public Scenario withArrivals(ArrivalStream other) {
    return new Scenario(name, description, other, config, policies, seed);
  }
}

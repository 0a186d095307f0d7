package dev.tandem.cli;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.ports.MetricsSource;
import dev.tandem.planner.ports.ReplicaStateReader;
import dev.tandem.planner.ports.ScaleActuator;
import dev.tandem.planner.state.ReplicaState;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.service.cluster.ClusterPorts;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.ReplicaCounts;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.tandem.ObservationSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator as a cluster for the service. The simulation runs on its own thread and, at every
 * hand-over ({@link #decide}), waits until the service's clock has reached the simulated instant:
 * the simulation is advanced up to the service's "now" and never past it. What it observed is then
 * what the service's {@link MetricsSource} and {@link ReplicaStateReader} read; what the service's
 * {@link ScaleActuator} writes is what the simulator applies at the next hand-over (every {@link
 * #HANDOVER} of simulated time: the actuation delay of a fast controller).
 *
 * <p>The service's loop and the simulator meet only through these ports, exactly as in a cluster.
 */
final class SimulatedCluster
    implements ScalingPolicy, MetricsSource, ReplicaStateReader, ScaleActuator {

  static final Duration HANDOVER = Duration.ofSeconds(5);

  private final SlaPolicy policy;
  private final DeploymentKey key;
  private final Clock clock;
  private final ReplicaTargets initial;
  private volatile ClusterObservation observation;
  private volatile ReplicaTargets written;
  private volatile boolean stopped;

  SimulatedCluster(SlaPolicy policy, Clock clock, ReplicaTargets initial) {
    this.policy = policy;
    this.key = new DeploymentKey(policy.namespace(), policy.name());
    this.clock = clock;
    this.initial = initial;
  }

  ClusterPorts ports() {
    return new ClusterPorts(this, this, this, "simulator (embedded)");
  }

  void stop() {
    stopped = true;
  }

  // --- the simulator's side

  @Override
  public String name() {
    return "tandem-service";
  }

  @Override
  public long intervalMicros() {
    return HANDOVER.toNanos() / 1000;
  }

  @Override
  public long windowMicros() {
    return policy.metrics().window().toNanos() / 1000;
  }

  @Override
  public ReplicaTargets initial() {
    return initial;
  }

  @Override
  public ReplicaTargets decide(ClusterObservation o) {
    Instant at = ObservationSnapshots.instant(o.timeMicros());
    while (!stopped && clock.instant().isBefore(at)) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
    if (stopped) {
      throw new SimulationStopped();
    }
    observation = o;
    ReplicaTargets w = written;
    return w != null ? w : new ReplicaTargets(o.prefill().current(), o.decode().current());
  }

  /** Ends the simulation thread when the service stops. */
  static final class SimulationStopped extends RuntimeException {
    SimulationStopped() {
      super("the service stopped");
    }
  }

  // --- the service's side

  @Override
  public Map<DeploymentKey, MetricsSnapshot> snapshot(
      Collection<DeploymentKey> deployments, Instant now) {
    Map<DeploymentKey, MetricsSnapshot> out = new HashMap<>();
    ClusterObservation o = observation;
    for (DeploymentKey k : deployments) {
      if (!k.equals(key)) {
        continue; // not simulated: reads as MISSING
      }
      out.put(
          k,
          o == null
              ? MetricsSnapshot.missing(k, now)
              : ObservationSnapshots.of(
                  k,
                  o,
                  policy.sla().ttft().percentile(),
                  policy.sla().itl().percentile(),
                  windowMicros()));
    }
    return out;
  }

  @Override
  public ReplicaStates read(SlaPolicy p, Instant now) {
    ClusterObservation o = observation;
    ReplicaTargets w = written;
    if (o == null) {
      ReplicaTargets t = w != null ? w : initial;
      return ReplicaStates.steady(t.prefill(), t.decode());
    }
    return new ReplicaStates(
        state(o.prefill(), w == null ? Optional.empty() : Optional.of(w.prefill())),
        state(o.decode(), w == null ? Optional.empty() : Optional.of(w.decode())),
        Optional.empty());
  }

  /** desired = what was written (spec.replicas), else what the simulator runs. */
  private static ReplicaState state(ReplicaCounts c, Optional<Integer> desired) {
    return new ReplicaState(desired.orElse(c.current()), c.ready(), c.starting(), c.draining(), 0);
  }

  @Override
  public void apply(ScalingPlan plan) {
    written = new ReplicaTargets(plan.prefill().desired(), plan.decode().desired());
  }
}

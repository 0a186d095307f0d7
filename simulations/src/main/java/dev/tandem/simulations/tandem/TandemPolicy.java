package dev.tandem.simulations.tandem;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.ControlLoop;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.Planner;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.TickReport;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaState;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.ReplicaCounts;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Tandem in the simulator: the production {@link ControlLoop} and {@link Planner} (with the
 * forecaster the policy's {@code forecast.model} selects — the forecasting module's selector for
 * {@code auto}) for one deployment, behind the simulator's {@link ScalingPolicy} seam. Nothing is
 * re-implemented; the three ports are adapters:
 *
 * <ul>
 *   <li>{@code MetricsSource}: the latest {@link ClusterObservation} as a snapshot ({@link
 *       ObservationSnapshots});
 *   <li>{@code ReplicaStateReader}: the observation's ready / starting / draining engines per role
 *       (desired = ready + starting; nothing is ever unschedulable in the simulator);
 *   <li>{@code ScaleActuator}: records the plan; its desired counts are what {@link #decide}
 *       returns. Without an applied plan the current counts stand (no write, as in Kubernetes).
 * </ul>
 *
 * The simulator calls {@link #decide} every {@link #intervalMicros()} (the shortest role interval);
 * the loop itself decides which role is due. Time is the simulated clock as an {@code Instant}
 * (epoch = start of the run): no wall clock anywhere.
 *
 * <p>The loop's forecast backfill ({@code ControlLoop.backfill}, {@code tandem.forecast-backfill}
 * in the service) reads the snapshots this adapter made at earlier decisions, as far back as {@link
 * #BACKFILL}; an instant it holds no snapshot for reads as absent. From the start of a run there is
 * no history, so a cold run is not changed by it. {@link #takingOverAt} shows what it is for: the
 * deployment runs at its initial split until the given instant (the snapshots are still taken, as
 * Prometheus keeps scraping), then the loop starts and warms its forecast from that history.
 */
public final class TandemPolicy implements ScalingPolicy {

  /** How much history the loop's forecast backfill reads: the service's default. */
  public static final Duration BACKFILL = Duration.ofHours(1);

  private final String name;
  private final SlaPolicy policy;
  private final ControlLoop loop;
  private final NavigableMap<Instant, MetricsSnapshot> past = new TreeMap<>();
  private final DeploymentKey key;
  private final double ttftPercentile;
  private final double itlPercentile;
  private long takeOverMicros;
  private final ReplicaTargets initial;
  private final long intervalMicros;
  private final long windowMicros;
  private Consumer<TickReport> listener = r -> {};
  private ClusterObservation observation;
  private ScalingPlan applied;

  public TandemPolicy(
      String name, SlaPolicy policy, PerformanceProfile profile, ReplicaTargets initial) {
    this.name = name;
    this.policy = policy;
    this.initial = initial;
    Deployment deployment = Deployment.of(policy, profile, profile);
    DeploymentKey key = deployment.key();
    this.intervalMicros =
        micros(
            policy.behavior().prefill().interval().compareTo(policy.behavior().decode().interval())
                    <= 0
                ? policy.behavior().prefill().interval()
                : policy.behavior().decode().interval());
    this.windowMicros = micros(policy.metrics().window());
    this.key = key;
    this.ttftPercentile = policy.sla().ttft().percentile();
    this.itlPercentile = policy.sla().itl().percentile();
    this.loop =
        new ControlLoop(
                new Planner(),
                (deployments, now) -> Map.of(key, past.get(now)),
                (p, now) ->
                    new ReplicaStates(
                        state(observation.prefill()),
                        state(observation.decode()),
                        Optional.empty()),
                plan -> applied = plan,
                List.of(deployment),
                Map.of(),
                Map.of())
            .backfill(
                (deployments, at) -> past.containsKey(at) ? Map.of(key, past.get(at)) : Map.of(),
                BACKFILL);
  }

  /**
   * This policy holding its initial split until {@code micros} (simulated µs), deciding from then
   * on: Tandem taking over a deployment that was already serving, its forecast warmed from the
   * history before.
   *
   * @return this policy
   */
  public TandemPolicy takingOverAt(long micros) {
    this.takeOverMicros = micros;
    return this;
  }

  /**
   * Tandem for a scenario: its SLA, profile and start-up time, the given settings, warm-started
   * with {@code initial} engines.
   */
  public static TandemPolicy forScenario(
      SimulationConfig config, TandemSettings settings, ReplicaTargets initial) {
    SlaPolicy policy =
        SimulatedPolicies.policy(
            config.sla(),
            config.profile(),
            Duration.ofNanos(config.startupMicros() * 1000),
            settings);
    return new TandemPolicy("tandem", policy, config.profile(), initial);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long intervalMicros() {
    return intervalMicros;
  }

  @Override
  public long windowMicros() {
    return windowMicros;
  }

  @Override
  public ReplicaTargets initial() {
    return initial;
  }

  @Override
  public ReplicaTargets decide(ClusterObservation o) {
    observation = o;
    applied = null;
    Instant now = ObservationSnapshots.instant(o.timeMicros());
    past.put(now, ObservationSnapshots.of(key, o, ttftPercentile, itlPercentile, windowMicros));
    past.headMap(now.minus(BACKFILL)).clear();
    if (o.timeMicros() < takeOverMicros) {
      return new ReplicaTargets(o.prefill().current(), o.decode().current());
    }
    TickReport report = loop.tick(now);
    listener.accept(report);
    if (applied == null) {
      return new ReplicaTargets(o.prefill().current(), o.decode().current());
    }
    return new ReplicaTargets(applied.prefill().desired(), applied.decode().desired());
  }

  /** The policy the loop runs. */
  public SlaPolicy policy() {
    return policy;
  }

  /** Hands every tick's report (plans with their reasons) to {@code l}, e.g. for a trace. */
  public TandemPolicy onTick(Consumer<TickReport> l) {
    this.listener = l;
    return this;
  }

  private static ReplicaState state(ReplicaCounts c) {
    return new ReplicaState(c.current(), c.ready(), c.starting(), c.draining(), 0);
  }

  private static long micros(Duration d) {
    return d.toNanos() / 1000;
  }
}

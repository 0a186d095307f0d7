package dev.tandem.planner;

import dev.tandem.config.policy.ForecastSettings;
import dev.tandem.config.policy.GpuPool;
import dev.tandem.config.policy.Mode;
import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.budget.PoolAllocator;
import dev.tandem.planner.forecast.ForecastState;
import dev.tandem.planner.forecast.LoadForecaster;
import dev.tandem.planner.forecast.SelectorLoadForecaster;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.ports.MetricsSource;
import dev.tandem.planner.ports.ReplicaStateReader;
import dev.tandem.planner.ports.ScaleActuator;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ticks many deployments through the ports. Each role has its own cadence: a deployment is visited
 * when any of its roles' intervals has elapsed, and only those roles may change. Per visited
 * deployment: metrics (one batched call), replica state, forecast, {@link Planner#plan}, pool
 * sharing, and — for {@code active} policies with changes — the actuator. A deployment seen for the
 * first time without a stored forecast has its forecast warmed from the metrics history first, when
 * {@link #backfill} is set.
 *
 * <p>Errors are data: a failing metrics source makes every snapshot MISSING (so nothing scales on
 * garbage); a failing state read or plan skips that deployment for this tick; a failing actuator is
 * recorded. One deployment's failure never stops another's. Pools: deployments are visited by pool
 * priority (highest first); each gets at most its {@link PoolAllocator} grant and never more than
 * the pool minus what the other members hold (their last known current + draining engines).
 *
 * <p>Not thread-safe: one tick at a time. Histories are immutable values, readable with {@link
 * #histories()} and restorable through the constructor.
 */
public final class ControlLoop {

  private final Planner planner;
  private final LoadForecaster forecaster;
  private final MetricsSource metrics;
  private final ReplicaStateReader states;
  private final ScaleActuator actuator;
  private final List<Deployment> deployments;
  private final Map<String, Integer> pools;
  private final Map<DeploymentKey, ScalingHistory> histories = new HashMap<>();
  private final Map<DeploymentKey, Integer> heldGpus = new HashMap<>();
  private final Map<DeploymentKey, Integer> demandGpus = new HashMap<>();
  private final Set<DeploymentKey> backfillTried = new HashSet<>();
  private MetricsSource history;
  private Duration backfillSpan = Duration.ZERO;

  /**
   * A loop whose forecaster follows each policy's {@code forecast.model}: the forecasting module's
   * selector for {@code auto} (the default), the named model otherwise, the built-in {@link
   * dev.tandem.planner.forecast.ObservedRateForecaster} during a cold start ({@link
   * SelectorLoadForecaster}).
   */
  public ControlLoop(
      Planner planner,
      MetricsSource metrics,
      ReplicaStateReader states,
      ScaleActuator actuator,
      List<Deployment> deployments,
      Map<String, Integer> pools,
      Map<DeploymentKey, ScalingHistory> histories) {
    this(
        planner,
        SelectorLoadForecaster.forDeployments(deployments),
        metrics,
        states,
        actuator,
        deployments,
        pools,
        histories);
  }

  /**
   * @param forecaster the load forecaster of every deployment
   * @param pools GPUs per pool name ({@code kind: GpuPool}); a policy naming an absent pool is
   *     limited by its own budget only
   * @param histories histories to resume from (empty for a fresh start)
   */
  public ControlLoop(
      Planner planner,
      LoadForecaster forecaster,
      MetricsSource metrics,
      ReplicaStateReader states,
      ScaleActuator actuator,
      List<Deployment> deployments,
      Map<String, Integer> pools,
      Map<DeploymentKey, ScalingHistory> histories) {
    this.planner = planner;
    this.forecaster = forecaster;
    this.metrics = metrics;
    this.states = states;
    this.actuator = actuator;
    this.deployments =
        deployments.stream()
            .sorted(
                Comparator.comparingInt(ControlLoop::priority)
                    .reversed()
                    .thenComparing(Deployment::key))
            .toList();
    this.pools = Map.copyOf(pools);
    this.histories.putAll(histories);
  }

  /**
   * Warms the forecast of every deployment first seen without a stored forecast state from {@code
   * span} of metrics history read through {@code source} ({@link ForecastBackfill}; once per
   * deployment and loop). A source of its own, so that a caller recording what the loop reads is
   * not shown the past as the present. {@code Duration.ZERO} (the default) turns it off.
   *
   * @return this loop
   */
  public ControlLoop backfill(MetricsSource source, Duration span) {
    if (span.isNegative()) {
      throw new IllegalArgumentException("backfill span must be >= 0, got " + span);
    }
    this.history = span.isZero() ? null : source;
    this.backfillSpan = span;
    return this;
  }

  /** The current histories by deployment. */
  public Map<DeploymentKey, ScalingHistory> histories() {
    return Map.copyOf(histories);
  }

  public TickReport tick(Instant now) {
    List<ScalingPlan> plans = new ArrayList<>();
    List<TickReport.Failure> failures = new ArrayList<>();
    Map<DeploymentKey, Set<Role>> due = new HashMap<>();
    for (Deployment d : deployments) {
      Set<Role> roles = dueRoles(d, history(d.key()), now);
      if (!roles.isEmpty()) {
        due.put(d.key(), roles);
      }
    }
    if (due.isEmpty()) {
      return new TickReport(now, plans, failures, List.of());
    }
    List<TickReport.Backfill> backfills = backfill(due.keySet(), now, failures);
    Map<DeploymentKey, MetricsSnapshot> snapshots = Map.of();
    try {
      snapshots = metrics.snapshot(List.copyOf(due.keySet()), now);
    } catch (RuntimeException e) {
      failures.add(new TickReport.Failure(Optional.empty(), "metrics", describe(e)));
    }
    for (Deployment d : deployments) {
      if (!due.containsKey(d.key())) {
        continue;
      }
      MetricsSnapshot snapshot = snapshots.get(d.key());
      if (snapshot == null || !snapshot.deployment().equals(d.key())) {
        snapshot = MetricsSnapshot.missing(d.key(), now);
      }
      visit(d, due.get(d.key()), snapshot, now, plans, failures);
    }
    return new TickReport(now, plans, failures, backfills);
  }

  /** Backfills the due deployments seen for the first time without a forecast state. */
  private List<TickReport.Backfill> backfill(
      Set<DeploymentKey> due, Instant now, List<TickReport.Failure> failures) {
    if (history == null) {
      return List.of();
    }
    List<Deployment> fresh = new ArrayList<>();
    for (Deployment d : deployments) {
      if (due.contains(d.key())
          && history(d.key()).forecast().isEmpty()
          && backfillTried.add(d.key())) {
        fresh.add(d);
      }
    }
    if (fresh.isEmpty()) {
      return List.of();
    }
    ForecastBackfill.Outcome o =
        ForecastBackfill.run(history, forecaster, fresh, now, backfillSpan);
    o.states().forEach((key, state) -> histories.put(key, history(key).withForecast(state)));
    failures.addAll(o.failures());
    return o.backfills();
  }

  private void visit(
      Deployment d,
      Set<Role> due,
      MetricsSnapshot snapshot,
      Instant now,
      List<ScalingPlan> plans,
      List<TickReport.Failure> failures) {
    DeploymentKey key = d.key();
    ReplicaStates replicas;
    try {
      replicas = states.read(d.policy(), now);
    } catch (RuntimeException e) {
      failures.add(new TickReport.Failure(Optional.of(key), "state", describe(e)));
      return;
    }
    ScalingPlan plan;
    try {
      plan = plan(d, due, snapshot, replicas, now);
    } catch (RuntimeException e) {
      failures.add(new TickReport.Failure(Optional.of(key), "plan", describe(e)));
      return;
    }
    histories.put(key, plan.history());
    plans.add(plan);
    boolean applied = false;
    if (plan.mode() == Mode.ACTIVE && plan.hasChanges()) {
      try {
        actuator.apply(plan);
        applied = true;
      } catch (RuntimeException e) {
        failures.add(new TickReport.Failure(Optional.of(key), "apply", describe(e)));
      }
    }
    heldGpus.put(key, held(plan, replicas, applied));
  }

  private ScalingPlan plan(
      Deployment d, Set<Role> due, MetricsSnapshot snapshot, ReplicaStates replicas, Instant now) {
    SlaPolicy policy = d.policy();
    ScalingHistory history = history(d.key());
    ForecastState state = forecaster.observe(d.key(), history.forecast(), snapshot);
    history = history.withForecast(state);
    ForecastSettings f = policy.forecast();
    PlannerInput in =
        new PlannerInput(
            d,
            snapshot,
            replicas,
            forecaster.forecast(
                d.key(), state, snapshot, f.horizonFor(policy.behavior().prefill()), f.quantile()),
            forecaster.forecast(
                d.key(), state, snapshot, f.horizonFor(policy.behavior().decode()), f.quantile()),
            due,
            policy.budget().maxGpus(),
            "spec.budget.maxGpus");
    ScalingPlan plan = planner.plan(in, history, now);
    Optional<GpuPool> pool = policy.budget().pool().filter(p -> pools.containsKey(p.name()));
    if (pool.isEmpty()) {
      return plan;
    }
    int demand = targetGpus(plan);
    demandGpus.put(d.key(), demand);
    int poolGpus = pools.get(pool.get().name());
    List<PoolAllocator.Member> members = new ArrayList<>();
    int othersHold = 0;
    for (Deployment other : deployments) {
      Optional<GpuPool> p = other.policy().budget().pool();
      if (p.isEmpty() || !p.get().name().equals(pool.get().name())) {
        continue;
      }
      int min = other.policy().roles().minimumGpus();
      members.add(
          new PoolAllocator.Member(
              other.key(), p.get().priority(), min, demandGpus.getOrDefault(other.key(), min)));
      if (!other.key().equals(d.key())) {
        othersHold += heldGpus.getOrDefault(other.key(), min);
      }
    }
    int grant = PoolAllocator.grant(members, poolGpus).get(d.key());
    int room = poolGpus - othersHold;
    int budget = Math.min(policy.budget().maxGpus(), Math.min(grant, room));
    if (budget >= policy.budget().maxGpus()) {
      return plan;
    }
    String source =
        String.format(
            "pool %s: grant %d of %d, %d free of what others hold",
            pool.get().name(), grant, poolGpus, Math.max(0, room));
    return planner.plan(in.withBudget(Math.max(0, budget), source), history, now);
  }

  private ScalingHistory history(DeploymentKey key) {
    return histories.getOrDefault(key, ScalingHistory.empty());
  }

  private static Set<Role> dueRoles(Deployment d, ScalingHistory history, Instant now) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (var role : d.policy().roles().all()) {
      if (history.of(role.role()).isDue(now, d.policy().behavior().of(role.role()).interval())) {
        roles.add(role.role());
      }
    }
    return roles;
  }

  private static int targetGpus(ScalingPlan plan) {
    return plan.decisions().stream().mapToInt(r -> r.target() * r.gpusPerReplica()).sum();
  }

  /**
   * GPUs the deployment holds after this tick: current + draining engines, or, when the plan was
   * applied, the larger of current and desired (removed engines drain and keep their GPUs).
   */
  private static int held(ScalingPlan plan, ReplicaStates replicas, boolean applied) {
    int held = 0;
    for (RoleDecision r : plan.decisions()) {
      int engines = applied ? Math.max(r.desired(), r.current()) : r.current();
      held += (engines + replicas.of(r.role()).draining()) * r.gpusPerReplica();
    }
    return held;
  }

  private static int priority(Deployment d) {
    return d.policy().budget().pool().map(GpuPool::priority).orElse(0);
  }

  /** A failure's class and message, as the tick reports it. */
  static String describe(RuntimeException e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}

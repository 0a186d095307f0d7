package dev.tandem.planner;

import dev.tandem.config.policy.Budget;
import dev.tandem.config.policy.GpuPool;
import dev.tandem.config.policy.Mode;
import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.forecast.ObservedRateForecaster;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.planner.testing.FakeCluster;
import dev.tandem.planner.testing.FakeMetricsSource;
import dev.tandem.planner.testing.ManualClock;
import dev.tandem.planner.testing.RecordingActuator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A scenario harness: the real {@link ControlLoop} and {@link Planner} with the built-in
 * forecaster, ticking every 30 s on a {@link ManualClock} against one {@link FakeCluster} per
 * deployment (start-up 2 min as in the Grove policy, drain 30 s).
 */
final class Sim {

  static final Duration TICK = Duration.ofSeconds(30);

  final ManualClock clock = ManualClock.atEpoch2025();
  final FakeMetricsSource metrics = new FakeMetricsSource();
  final Map<DeploymentKey, FakeCluster> clusters = new LinkedHashMap<>();
  final List<TickReport> reports = new ArrayList<>();
  private final List<Deployment> deployments = new ArrayList<>();
  private final Map<String, Integer> pools = new LinkedHashMap<>();
  private ControlLoop loop;
  RecordingActuator actuator;

  /** The Grove example, active, under another name, optionally in a pool. */
  static SlaPolicy grove(String name, Optional<GpuPool> pool) {
    SlaPolicy p = Examples.grove();
    return new SlaPolicy(
        name,
        p.namespace(),
        Mode.ACTIVE,
        p.sla(),
        p.roles(),
        new Budget(p.budget().maxGpus(), pool),
        p.behavior(),
        p.forecast(),
        p.metrics(),
        p.origin(),
        p.nameLocation());
  }

  Sim add(
      SlaPolicy policy, double slowdown, int prefill, int decode, Function<Instant, Double> rate) {
    Deployment d = Deployment.of(policy, Examples.h200(), Examples.h200());
    FakeCluster cluster =
        new FakeCluster(
                d,
                slowdown,
                Duration.ofMinutes(2),
                Duration.ofSeconds(30),
                prefill,
                decode,
                clock.now())
            .load(rate, 3000, 300);
    deployments.add(d);
    clusters.put(d.key(), cluster);
    metrics.set(d.key(), cluster::snapshot);
    return this;
  }

  Sim pool(String name, int gpus) {
    pools.put(name, gpus);
    return this;
  }

  FakeCluster cluster(String name) {
    return clusters.get(new DeploymentKey("inference", name));
  }

  /** Advances 30 s and ticks. */
  TickReport tick() {
    if (loop == null) {
      actuator =
          new RecordingActuator(plan -> clusters.get(plan.deployment()).apply(plan, clock.now()));
      ReplicaReader reader = new ReplicaReader();
      loop =
          new ControlLoop(
              new Planner(),
              new ObservedRateForecaster(),
              metrics,
              reader,
              actuator,
              deployments,
              pools,
              Map.of());
    }
    Instant now = clock.step(TICK);
    TickReport report = loop.tick(now);
    reports.add(report);
    return report;
  }

  List<TickReport> ticks(int n) {
    List<TickReport> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(tick());
    }
    return out;
  }

  Map<DeploymentKey, ScalingHistory> histories() {
    return loop.histories();
  }

  int desired(String name, Role role) {
    return cluster(name).state(role, clock.now()).desired();
  }

  /** Whether the cluster's observed p90s meet 200 ms TTFT and 10 ms ITL right now. */
  boolean meetsSla(String name) {
    FakeCluster c = cluster(name);
    Instant now = clock.now();
    double rate = ratesByName.get(name).apply(now);
    return rate == 0
        || (c.observedTtftMillis(now, rate) <= 200 && c.observedItlMillis(now, rate) <= 10);
  }

  private final Map<String, Function<Instant, Double>> ratesByName = new LinkedHashMap<>();

  Sim rate(String name, Function<Instant, Double> rate) {
    ratesByName.put(name, rate);
    return this;
  }

  private final class ReplicaReader implements dev.tandem.planner.ports.ReplicaStateReader {
    @Override
    public ReplicaStates read(SlaPolicy policy, Instant now) {
      return clusters.get(DeploymentKey.of(policy)).read(policy, now);
    }
  }
}

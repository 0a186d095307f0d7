package dev.tandem.service;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.ports.MetricsSource;
import dev.tandem.planner.ports.ReplicaStateReader;
import dev.tandem.planner.ports.ScaleActuator;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.service.cluster.ClusterPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A cluster for the service's tests: healthy metrics at a settable rate (ISL 3000, OSL 300),
 * replica counts that follow what the actuator writes (engines ready at once), and a record of
 * every plan applied.
 */
public final class FakeCluster implements MetricsSource, ReplicaStateReader, ScaleActuator {

  private volatile double rate = 20;
  private volatile CountDownLatch entered;
  private volatile CountDownLatch release;
  private volatile Instant holdAt;
  private final Map<String, int[]> counts = new ConcurrentHashMap<>();
  private final List<ScalingPlan> applied = new ArrayList<>();

  public ClusterPorts ports() {
    return new ClusterPorts(this, this, this, "fake cluster (tests)");
  }

  public void rate(double requestsPerSecond) {
    this.rate = requestsPerSecond;
  }

  /**
   * The next metrics read of instant {@code at} signals {@code entered} and waits for {@code
   * release}: the tick of that instant held in flight (reads of other instants, such as a forecast
   * backfill's, pass).
   */
  public void holdSnapshotAt(Instant at, CountDownLatch entered, CountDownLatch release) {
    this.release = release;
    this.holdAt = at;
    this.entered = entered;
  }

  public synchronized List<ScalingPlan> applied() {
    return List.copyOf(applied);
  }

  @Override
  public Map<DeploymentKey, MetricsSnapshot> snapshot(
      Collection<DeploymentKey> deployments, Instant now) {
    CountDownLatch in = entered;
    if (in != null && now.equals(holdAt)) {
      entered = null;
      in.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Map<DeploymentKey, MetricsSnapshot> out = new HashMap<>();
    for (DeploymentKey key : deployments) {
      out.put(
          key,
          MetricsSnapshot.builder(key, now)
              .window(Duration.ofMinutes(1))
              .arrivalRate(rate)
              .inputTokens(3000, 3000.0 * 3000)
              .outputTokens(300, 300.0 * 300)
              .arrivalCv2(1)
              .prefixCacheHitRate(0)
              .build());
    }
    return out;
  }

  @Override
  public ReplicaStates read(SlaPolicy policy, Instant now) {
    int[] c = counts.computeIfAbsent(policy.key(), k -> new int[] {1, 1});
    return ReplicaStates.steady(c[0], c[1]);
  }

  @Override
  public synchronized void apply(ScalingPlan plan) {
    applied.add(plan);
    counts.put(
        plan.deployment().toString(),
        new int[] {plan.prefill().desired(), plan.decode().desired()});
  }
}

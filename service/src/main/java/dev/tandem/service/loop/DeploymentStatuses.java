package dev.tandem.service.loop;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.TickReport;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the loop saw and decided, per deployment, for the REST API and the metrics: the last plans
 * (bounded), the last metrics snapshot and replica counts read, and the last failures. Written by
 * the loop thread, read by request threads; every read returns copies.
 */
public final class DeploymentStatuses {

  /**
   * A failure as the API shows it.
   *
   * @param at when
   * @param stage {@code metrics}, {@code state}, {@code plan} or {@code apply}
   * @param message what went wrong
   */
  public record FailureRecord(Instant at, String stage, String message) {}

  private static final Logger log = LoggerFactory.getLogger(DeploymentStatuses.class);

  private final int keep;
  private final List<Consumer<TickReport>> listeners = new CopyOnWriteArrayList<>();
  private final Map<DeploymentKey, Deque<ScalingPlan>> plans = new ConcurrentHashMap<>();
  private final Map<DeploymentKey, MetricsSnapshot> metrics = new ConcurrentHashMap<>();
  private final Map<DeploymentKey, ReplicaStates> replicas = new ConcurrentHashMap<>();
  private final Map<DeploymentKey, Deque<FailureRecord>> failures = new ConcurrentHashMap<>();
  private final Map<DeploymentKey, TickReport.Backfill> backfills = new ConcurrentHashMap<>();
  private volatile Optional<Instant> lastTick = Optional.empty();
  private volatile boolean leading = true;

  public DeploymentStatuses(int keep) {
    this.keep = Math.max(1, keep);
  }

  void metricsRead(DeploymentKey key, MetricsSnapshot snapshot) {
    metrics.put(key, snapshot);
  }

  void replicasRead(DeploymentKey key, ReplicaStates states) {
    replicas.put(key, states);
  }

  /**
   * Calls {@code listener} on the loop thread after each tick has been recorded (the console's
   * history). A failing listener is logged and never stops the loop.
   */
  public void onRecord(Consumer<TickReport> listener) {
    listeners.add(listener);
  }

  void leading(boolean leader) {
    this.leading = leader;
  }

  void record(TickReport report) {
    lastTick = Optional.of(report.at());
    for (ScalingPlan plan : report.plans()) {
      Deque<ScalingPlan> q = plans.computeIfAbsent(plan.deployment(), k -> new ArrayDeque<>());
      synchronized (q) {
        q.addFirst(plan);
        while (q.size() > keep) {
          q.removeLast();
        }
      }
    }
    report.backfills().forEach(b -> backfills.put(b.deployment(), b));
    for (TickReport.Failure f : report.failures()) {
      if (f.deployment().isEmpty()) {
        continue; // a batched call: each deployment then reads MISSING, visible in its metrics
      }
      Deque<FailureRecord> q =
          failures.computeIfAbsent(f.deployment().get(), k -> new ArrayDeque<>());
      synchronized (q) {
        q.addFirst(new FailureRecord(report.at(), f.stage(), f.message()));
        while (q.size() > keep) {
          q.removeLast();
        }
      }
    }
    for (Consumer<TickReport> l : listeners) {
      try {
        l.accept(report);
      } catch (RuntimeException e) {
        log.error("a tick listener failed; the loop goes on", e);
      }
    }
  }

  /** Newest first. */
  public List<ScalingPlan> plans(DeploymentKey key) {
    Deque<ScalingPlan> q = plans.get(key);
    if (q == null) {
      return List.of();
    }
    synchronized (q) {
      return new ArrayList<>(q);
    }
  }

  public Optional<ScalingPlan> lastPlan(DeploymentKey key) {
    return plans(key).stream().findFirst();
  }

  public Optional<MetricsSnapshot> lastMetrics(DeploymentKey key) {
    return Optional.ofNullable(metrics.get(key));
  }

  public Optional<ReplicaStates> lastReplicas(DeploymentKey key) {
    return Optional.ofNullable(replicas.get(key));
  }

  /** Newest first. */
  /** How the deployment's forecast was warmed from history in this process, if it was tried. */
  public Optional<TickReport.Backfill> backfill(DeploymentKey key) {
    return Optional.ofNullable(backfills.get(key));
  }

  public List<FailureRecord> failures(DeploymentKey key) {
    Deque<FailureRecord> q = failures.get(key);
    if (q == null) {
      return List.of();
    }
    synchronized (q) {
      return new ArrayList<>(q);
    }
  }

  public Optional<Instant> lastTick() {
    return lastTick;
  }

  public boolean leading() {
    return leading;
  }
}

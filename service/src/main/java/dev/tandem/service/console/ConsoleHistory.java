package dev.tandem.service.console;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.metrics.Health;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import dev.tandem.planner.state.ReplicaState;
import dev.tandem.planner.state.ReplicaStates;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's memory: per deployment the last {@code maxPoints} plans as {@link ConsolePoint}s
 * and the last {@code maxDecisions} changes of a role's count with their reasons. Bounded, in
 * memory only (a restart starts the charts afresh; the loop's own histories are checkpointed
 * elsewhere). Written by the loop thread, read by request threads; reads return copies.
 *
 * <p>Readers poll with the last {@code seq} they hold and receive only what is newer, so a page
 * that polls every second moves a few hundred bytes.
 */
public final class ConsoleHistory {

  /** What a reader receives: everything newer than the {@code seq} it gave. */
  public record Slice(long latestSeq, List<ConsolePoint> points, List<DecisionEntry> decisions) {}

  private final int maxPoints;
  private final int maxDecisions;
  private final Map<DeploymentKey, Series> series = new ConcurrentHashMap<>();

  public ConsoleHistory(int maxPoints, int maxDecisions) {
    if (maxPoints < 1 || maxDecisions < 1) {
      throw new IllegalArgumentException(
          "maxPoints and maxDecisions must be >= 1, got " + maxPoints + ", " + maxDecisions);
    }
    this.maxPoints = maxPoints;
    this.maxDecisions = maxDecisions;
  }

  /**
   * Records one plan with the metrics and replica counts it was made from.
   *
   * @param budgetGpus the deployment's GPU budget at the time
   * @param capacity what the decided counts carry, requests/s, if known
   */
  public void record(
      ScalingPlan plan,
      Optional<MetricsSnapshot> metrics,
      Optional<ReplicaStates> replicas,
      int budgetGpus,
      Optional<Double> capacity) {
    Series s = series.computeIfAbsent(plan.deployment(), k -> new Series());
    synchronized (s) {
      long seq = ++s.lastSeq;
      s.points.addLast(point(seq, plan, metrics, replicas, budgetGpus, capacity));
      while (s.points.size() > maxPoints) {
        s.points.removeFirst();
      }
      for (RoleDecision r : plan.decisions()) {
        if (r.changes()) {
          s.decisions.addLast(decision(seq, plan, r));
        }
      }
      while (s.decisions.size() > maxDecisions) {
        s.decisions.removeFirst();
      }
    }
  }

  /** Points and decisions with {@code seq > after}, oldest first. */
  public Slice after(DeploymentKey key, long after) {
    Series s = series.get(key);
    if (s == null) {
      return new Slice(0, List.of(), List.of());
    }
    synchronized (s) {
      List<ConsolePoint> points = new ArrayList<>();
      for (ConsolePoint p : s.points) {
        if (p.seq() > after) {
          points.add(p);
        }
      }
      List<DecisionEntry> decisions = new ArrayList<>();
      for (DecisionEntry d : s.decisions) {
        if (d.seq() > after) {
          decisions.add(d);
        }
      }
      return new Slice(s.lastSeq, points, decisions);
    }
  }

  private static ConsolePoint point(
      long seq,
      ScalingPlan plan,
      Optional<MetricsSnapshot> metrics,
      Optional<ReplicaStates> replicas,
      int budgetGpus,
      Optional<Double> capacity) {
    return new ConsolePoint(
        seq,
        plan.at(),
        metrics.map(m -> value(m.arrivalRate())).orElse(null),
        plan.prefillForecast().meanRate(),
        plan.prefillForecast().peakRate(),
        capacity.orElse(null),
        replicas(plan.prefill(), replicas.map(r -> r.of(Role.PREFILL))),
        replicas(plan.decode(), replicas.map(r -> r.of(Role.DECODE))),
        metrics.map(m -> value(m.ttftPercentileMillis())).orElse(null),
        metrics.map(m -> value(m.itlPercentileMillis())).orElse(null),
        finite(plan.prefill().predictedMillis()),
        finite(plan.decode().predictedMillis()),
        plan.gpus(),
        budgetGpus);
  }

  private static ConsolePoint.Replicas replicas(RoleDecision d, Optional<ReplicaState> state) {
    return new ConsolePoint.Replicas(
        d.desired(),
        d.target(),
        state.map(ReplicaState::desired).orElse(null),
        state.map(ReplicaState::ready).orElse(null),
        state.map(ReplicaState::starting).orElse(null));
  }

  private static DecisionEntry decision(long seq, ScalingPlan plan, RoleDecision r) {
    return new DecisionEntry(
        seq,
        plan.at(),
        r.role().yamlName(),
        plan.mode().name().toLowerCase(Locale.ROOT),
        r.current(),
        r.desired(),
        r.desiredWhy().reason().name(),
        r.desiredWhy().message(),
        r.target(),
        r.targetWhy().toString(),
        r.predictedWhy().toString());
  }

  /** A MISSING signal has no value to draw; a STALE one is drawn (it is what the planner saw). */
  private static Double value(Signal s) {
    return s.health() == Health.MISSING ? null : finite(s.value());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static final class Series {
    private final Deque<ConsolePoint> points = new ArrayDeque<>();
    private final Deque<DecisionEntry> decisions = new ArrayDeque<>();
    private long lastSeq;
  }
}

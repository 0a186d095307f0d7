package dev.tandem.service.console;

import dev.tandem.config.policy.GpuPool;
import dev.tandem.config.policy.Mode;
import dev.tandem.config.policy.ScaledRole;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaState;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.service.loop.DeploymentStatuses;
import dev.tandem.service.loop.PauseSwitch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds what the console's pages show from the running policies and what the loop recorded: one
 * overview row per deployment and the chart history of one. The mode shown is the one in force:
 * {@code paused} while paused through the API, {@code advisory} when the service forces it,
 * otherwise the policy's.
 */
public final class ConsoleViews {

  /** One row of the overview. */
  public record OverviewRow(
      String namespace,
      String name,
      String mode,
      String policyMode,
      boolean paused,
      Boolean metricsHealthy,
      String metricsNote,
      List<RoleRow> roles,
      Integer gpus,
      Integer gpusHeld,
      int budgetGpus,
      String pool,
      Instant lastPlanAt,
      List<String> lastReasons) {}

  /**
   * Replicas of one role: as last read from the cluster ({@code written}, {@code ready}, {@code
   * pending}) and as last decided ({@code desired}, {@code slaSized}); null where not known yet.
   */
  public record RoleRow(
      String role,
      int gpusPerReplica,
      Integer written,
      Integer ready,
      Integer pending,
      Integer desired,
      Integer slaSized) {}

  /** The SLA targets a deployment's latency charts draw. */
  public record Targets(
      double ttftPercentile, double ttftMillis, double itlPercentile, double itlMillis) {}

  /** What the deployment page polls: the chart points and decisions newer than {@code after}. */
  public record HistoryView(
      String namespace,
      String name,
      String mode,
      Targets targets,
      double forecastQuantile,
      int budgetGpus,
      String pool,
      long latestSeq,
      List<ConsolePoint> points,
      List<DecisionEntry> decisions) {}

  private final DeploymentStatuses statuses;
  private final PauseSwitch pauses;
  private final ConsoleHistory history;
  private final boolean forceAdvisory;

  public ConsoleViews(
      DeploymentStatuses statuses,
      PauseSwitch pauses,
      ConsoleHistory history,
      boolean forceAdvisory) {
    this.statuses = statuses;
    this.pauses = pauses;
    this.history = history;
    this.forceAdvisory = forceAdvisory;
  }

  public OverviewRow row(Deployment d) {
    DeploymentKey key = d.key();
    SlaPolicy policy = d.policy();
    Optional<ScalingPlan> plan = statuses.lastPlan(key);
    Optional<ReplicaStates> read = statuses.lastReplicas(key);
    Optional<MetricsSnapshot> metrics = statuses.lastMetrics(key);
    List<RoleRow> roles = new ArrayList<>();
    int held = 0;
    boolean heldKnown = read.isPresent();
    List<String> reasons = new ArrayList<>();
    for (ScaledRole role : policy.roles().all()) {
      Optional<ReplicaState> state = read.map(s -> s.of(role.role()));
      Optional<RoleDecision> decided =
          plan.flatMap(
              p -> p.decisions().stream().filter(r -> r.role() == role.role()).findFirst());
      roles.add(
          new RoleRow(
              role.role().yamlName(),
              role.gpusPerReplica(),
              state.map(ReplicaState::desired).orElse(null),
              state.map(ReplicaState::ready).orElse(null),
              state.map(ReplicaState::starting).orElse(null),
              decided.map(RoleDecision::desired).orElse(null),
              decided.map(RoleDecision::target).orElse(null)));
      held += state.map(s -> s.heldEngines() * role.gpusPerReplica()).orElse(0);
      decided.ifPresent(r -> reasons.add(role.role().yamlName() + " " + r.desiredWhy()));
    }
    return new OverviewRow(
        key.namespace(),
        key.name(),
        mode(d),
        policy.mode().name().toLowerCase(Locale.ROOT),
        pauses.isPaused(key),
        metrics.map(MetricsSnapshot::loadIsHealthy).orElse(null),
        metrics
            .map(
                m ->
                    m.loadIsHealthy()
                        ? "every load signal is OK"
                        : "not OK: " + String.join(", ", m.unhealthyLoadSignals()))
            .orElse("no metrics read yet"),
        roles,
        plan.map(ScalingPlan::gpus).orElse(null),
        heldKnown ? held : null,
        policy.budget().maxGpus(),
        policy.budget().pool().map(GpuPool::name).orElse(null),
        plan.map(ScalingPlan::at).orElse(null),
        reasons);
  }

  public HistoryView history(Deployment d, long after) {
    SlaPolicy p = d.policy();
    ConsoleHistory.Slice slice = history.after(d.key(), after);
    return new HistoryView(
        d.key().namespace(),
        d.key().name(),
        mode(d),
        new Targets(
            p.sla().ttft().percentile(),
            p.sla().ttft().target().toNanos() / 1e6,
            p.sla().itl().percentile(),
            p.sla().itl().target().toNanos() / 1e6),
        p.forecast().quantile(),
        p.budget().maxGpus(),
        p.budget().pool().map(GpuPool::name).orElse(null),
        slice.latestSeq(),
        slice.points(),
        slice.decisions());
  }

  private String mode(Deployment d) {
    if (pauses.isPaused(d.key())) {
      return "paused";
    }
    if (forceAdvisory || d.policy().mode() == Mode.ADVISORY) {
      return "advisory";
    }
    return d.policy().mode().name().toLowerCase(Locale.ROOT);
  }
}

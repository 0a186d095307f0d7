package dev.tandem.service.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One deployment as {@code GET /v1/deployments/{namespace}/{name}} shows it: the policy's mode and
 * whether it is paused, per role the replica counts, the last plans with every reason, the
 * forecast, the metrics' health, conditions and recent decisions.
 */
public record DeploymentView(
    String namespace,
    String name,
    String policySource,
    String mode,
    boolean paused,
    List<RoleStatus> roles,
    List<PlanSummary> lastPlans,
    Map<String, ForecastView> forecast,
    MetricsView metrics,
    List<Condition> conditions,
    List<Decision> recentDecisions,
    List<FailureView> failures) {

  /** Replica counts of one role: as last read and as last decided. */
  public record RoleStatus(
      String role,
      Integer current,
      Integer ready,
      Integer pending,
      Integer draining,
      Integer desired,
      Integer slaSized,
      Double predictedMillis,
      String reason) {}

  /** One plan. */
  public record PlanSummary(Instant at, String mode, int gpus, List<RoleLine> roles) {}

  /** One role of a plan, every number with its reason. */
  public record RoleLine(
      String role,
      int current,
      int slaSized,
      String slaReason,
      int desired,
      String desiredReason,
      Double predictedMillis,
      String predictedReason,
      double correction,
      String correctionReason) {}

  /** A forecast one role was sized for. */
  public record ForecastView(
      double peakRate,
      double meanRate,
      double quantile,
      String horizon,
      boolean healthy,
      String reason) {}

  /** The last metrics snapshot. */
  public record MetricsView(Instant at, boolean healthy, Map<String, SignalView> signals) {}

  /** One signal. */
  public record SignalView(double value, String health, String window) {}

  /** A Kubernetes-style condition. */
  public record Condition(String type, String status, String reason, String message) {}

  /** A change of a role's count, with its reason. */
  public record Decision(
      Instant at, String role, int from, int to, String reason, String message) {}

  /** A failed port call. */
  public record FailureView(Instant at, String stage, String message) {}

  /** The row of {@code GET /v1/deployments}. */
  public record Summary(
      String namespace,
      String name,
      String mode,
      boolean paused,
      Map<String, Integer> desired,
      Boolean metricsHealthy,
      Instant lastPlan) {}
}

package dev.tandem.planner;

import dev.tandem.config.policy.LatencyObjective;
import dev.tandem.config.policy.Role;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaStates;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one decision of one deployment needs, as values.
 *
 * @param deployment policy and profiles
 * @param metrics what was observed
 * @param replicas the roles' replica state
 * @param prefillForecast load over the prefill role's horizon (its start-up time + interval)
 * @param decodeForecast load over the decode role's horizon; the router uses the prefill forecast
 * @param due the roles whose decision interval has elapsed; the others keep their counts
 * @param budgetGpus the GPUs this deployment may hold: its {@code maxGpus}, or less when its pool
 *     is short (draining and starting engines count against it)
 * @param budgetSource what set {@code budgetGpus}, for messages (e.g. {@code spec.budget.maxGpus})
 */
public record PlannerInput(
    Deployment deployment,
    MetricsSnapshot metrics,
    ReplicaStates replicas,
    LoadForecast prefillForecast,
    LoadForecast decodeForecast,
    Set<Role> due,
    int budgetGpus,
    String budgetSource) {

  public PlannerInput {
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(prefillForecast, "prefillForecast");
    Objects.requireNonNull(decodeForecast, "decodeForecast");
    Objects.requireNonNull(budgetSource, "budgetSource");
    due = due.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(due));
    if (budgetGpus < 0) {
      throw new IllegalArgumentException("budgetGpus must be >= 0, got " + budgetGpus);
    }
  }

  /** Every role due, the policy's own budget. */
  public static PlannerInput of(
      Deployment deployment,
      MetricsSnapshot metrics,
      ReplicaStates replicas,
      LoadForecast prefillForecast,
      LoadForecast decodeForecast) {
    return new PlannerInput(
        deployment,
        metrics,
        replicas,
        prefillForecast,
        decodeForecast,
        EnumSet.allOf(Role.class),
        deployment.policy().budget().maxGpus(),
        "spec.budget.maxGpus");
  }

  public PlannerInput withBudget(int gpus, String source) {
    return new PlannerInput(
        deployment, metrics, replicas, prefillForecast, decodeForecast, due, gpus, source);
  }

  public PlannerInput withDue(Set<Role> roles) {
    return new PlannerInput(
        deployment,
        metrics,
        replicas,
        prefillForecast,
        decodeForecast,
        roles,
        budgetGpus,
        budgetSource);
  }

  public boolean isDue(Role role) {
    return due.contains(role);
  }

  /** The role's latency objective: TTFT for prefill, ITL for decode. */
  public LatencyObjective objective(Role role) {
    var sla = deployment.policy().sla();
    return role == Role.PREFILL ? sla.ttft() : sla.itl();
  }

  /** The role's latency target in ms. */
  public double targetMillis(Role role) {
    return objective(role).target().toNanos() / 1e6;
  }
}

package dev.tandem.planner;

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
 * @param kvBytesPerToken KV-cache bytes per token moved from prefill to decode, 0 when unknown (the
 *     transfer term needs both this and the profile's {@code kvTransferBytesPerSecond})
 */
public record PlannerInput(
    Deployment deployment,
    MetricsSnapshot metrics,
    ReplicaStates replicas,
    LoadForecast prefillForecast,
    LoadForecast decodeForecast,
    Set<Role> due,
    int budgetGpus,
    String budgetSource,
    double kvBytesPerToken) {

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
    if (!(kvBytesPerToken >= 0)) {
      throw new IllegalArgumentException("kvBytesPerToken must be >= 0, got " + kvBytesPerToken);
    }
  }

  /** Every role due, the policy's own budget, no KV transfer term. */
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
        "spec.budget.maxGpus",
        0);
  }

  public PlannerInput withBudget(int gpus, String source) {
    return new PlannerInput(
        deployment,
        metrics,
        replicas,
        prefillForecast,
        decodeForecast,
        due,
        gpus,
        source,
        kvBytesPerToken);
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
        budgetSource,
        kvBytesPerToken);
  }

  public PlannerInput withKvBytesPerToken(double bytes) {
    return new PlannerInput(
        deployment,
        metrics,
        replicas,
        prefillForecast,
        decodeForecast,
        due,
        budgetGpus,
        budgetSource,
        bytes);
  }

  public boolean isDue(Role role) {
    return due.contains(role);
  }
}

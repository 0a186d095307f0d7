package dev.tandem.planner;

import dev.tandem.config.policy.Mode;
import dev.tandem.config.policy.Role;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.ScalingHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One decision for one deployment: per role the target and the count to write, the predicted
 * latency percentile at that count, the GPUs held, every number with a {@link Reason} and a
 * sentence, the writes in a safe order, and the history to keep for the next decision.
 *
 * @param deployment the deployment
 * @param at the instant of the decision
 * @param mode {@code active} plans are applied, {@code advisory} ones only reported
 * @param prefill the prefill decision
 * @param decode the decode decision
 * @param router the router decision, when the policy has a router
 * @param gpus GPUs of the desired counts: Σ desired × gpusPerReplica
 * @param gpusWhy the sum spelled out, with the budget
 * @param changes the writes: every decrease before any increase, so applying them in order never
 *     holds more GPUs than before plus the budget's room
 * @param prefillForecast the load the prefill role was sized for
 * @param decodeForecast the load the decode role was sized for
 * @param history the history after this decision, to pass to the next one
 */
public record ScalingPlan(
    DeploymentKey deployment,
    Instant at,
    Mode mode,
    RoleDecision prefill,
    RoleDecision decode,
    Optional<RoleDecision> router,
    int gpus,
    Explanation gpusWhy,
    List<ReplicaChange> changes,
    LoadForecast prefillForecast,
    LoadForecast decodeForecast,
    ScalingHistory history) {

  public ScalingPlan {
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(prefill, "prefill");
    Objects.requireNonNull(decode, "decode");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(gpusWhy, "gpusWhy");
    Objects.requireNonNull(prefillForecast, "prefillForecast");
    Objects.requireNonNull(decodeForecast, "decodeForecast");
    Objects.requireNonNull(history, "history");
    changes = List.copyOf(changes);
  }

  /** Every role's decision: prefill, decode, then the router if any. */
  public List<RoleDecision> decisions() {
    List<RoleDecision> all = new ArrayList<>(List.of(prefill, decode));
    router.ifPresent(all::add);
    return List.copyOf(all);
  }

  public RoleDecision decision(Role role) {
    return switch (role) {
      case PREFILL -> prefill;
      case DECODE -> decode;
      case ROUTER -> router.orElseThrow(() -> new IllegalArgumentException("no router role"));
    };
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }
}

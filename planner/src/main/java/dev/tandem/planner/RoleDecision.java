package dev.tandem.planner;

import dev.tandem.config.policy.Role;
import java.util.Objects;

/**
 * The decision for one role, every number explained.
 *
 * @param role the role
 * @param gpusPerReplica GPUs of one replica (one engine = one TP group)
 * @param current the replica count the plan was made against
 * @param target the count the SLA needs at the forecast, within [min, max] and the budget
 * @param targetWhy why {@code target}
 * @param desired the count to write after stabilisation (step limit, window, tolerance, health,
 *     unschedulable engines, draining engines)
 * @param desiredWhy why {@code desired}
 * @param predictedMillis the predicted latency percentile (TTFT for prefill, ITL for decode) at
 *     {@code desired} engines and the forecast load; NaN for the router; +∞ when overloaded
 * @param predictedWhy how it was predicted
 * @param correction the learned multiplier of the profile's latency used for this decision (1 for
 *     the router)
 * @param correctionWhy how the correction was learned (or why it was left alone)
 */
public record RoleDecision(
    Role role,
    int gpusPerReplica,
    int current,
    int target,
    Explanation targetWhy,
    int desired,
    Explanation desiredWhy,
    double predictedMillis,
    Explanation predictedWhy,
    double correction,
    Explanation correctionWhy) {

  public RoleDecision {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(targetWhy, "targetWhy");
    Objects.requireNonNull(desiredWhy, "desiredWhy");
    Objects.requireNonNull(predictedWhy, "predictedWhy");
    Objects.requireNonNull(correctionWhy, "correctionWhy");
  }

  public boolean changes() {
    return desired != current;
  }

  public int desiredGpus() {
    return desired * gpusPerReplica;
  }
}

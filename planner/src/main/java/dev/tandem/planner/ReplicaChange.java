package dev.tandem.planner;

import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.ScaleTarget;

/**
 * One replica-count write of a plan.
 *
 * @param role the role
 * @param target the object whose {@code /scale} gets the count
 * @param from the count the plan was made against (the actuator re-checks it)
 * @param to the new count
 */
public record ReplicaChange(Role role, ScaleTarget target, int from, int to) {

  public boolean isDecrease() {
    return to < from;
  }
}

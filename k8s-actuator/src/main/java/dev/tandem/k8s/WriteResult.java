package dev.tandem.k8s;

import dev.tandem.config.policy.Role;
import java.util.Objects;

/**
 * What the actuator did with one object of one change.
 *
 * @param role the role of the change
 * @param object the concrete object ({@code Kind namespace/name}, with the Dynamo service if any)
 * @param live the replicas found on the live object before writing (-1 when it could not be read)
 * @param planned the count the plan asked for this object
 * @param written the count written (or that would have been, for holds and refusals)
 * @param outcome what happened
 * @param message why, in a sentence
 */
public record WriteResult(
    Role role, String object, int live, int planned, int written, Outcome outcome, String message) {

  public WriteResult {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return role.yamlName()
        + " "
        + object
        + ": "
        + outcome
        + " "
        + live
        + " -> "
        + written
        + " ("
        + message
        + ")";
  }
}

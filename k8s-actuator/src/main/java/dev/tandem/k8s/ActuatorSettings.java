package dev.tandem.k8s;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Kubernetes adapter behaves around the planner's decisions.
 *
 * @param pendingTimeout how long a pod may stay unschedulable (or a Grove PodGang unscheduled)
 *     before the role is reported as {@code pendingPastTimeout}, which stops the planner from
 *     growing a role it cannot place
 * @param onDrift what to do when the live replica count is not the one the plan was made against
 *     (scaled by hand, another controller, a rollout in progress): {@link DriftPolicy#HOLD} by
 *     default, so Tandem never overwrites a change it did not see
 * @param events whether every write (and every refusal) is recorded as a Kubernetes Event on the
 *     target
 * @param advisory when true nothing is written: every change is reported as it would have been
 *     applied, so a cluster can be watched before Tandem is trusted with it
 * @param conflictRetries how often a write that met a 409 Conflict is re-read, re-checked and
 *     retried within one tick before the change is skipped until the next tick
 */
public record ActuatorSettings(
    Duration pendingTimeout,
    DriftPolicy onDrift,
    boolean events,
    boolean advisory,
    int conflictRetries) {

  public ActuatorSettings {
    Objects.requireNonNull(pendingTimeout, "pendingTimeout");
    Objects.requireNonNull(onDrift, "onDrift");
    if (pendingTimeout.isNegative()) {
      throw new IllegalArgumentException("pendingTimeout must not be negative: " + pendingTimeout);
    }
    if (conflictRetries < 0) {
      throw new IllegalArgumentException("conflictRetries must be >= 0: " + conflictRetries);
    }
  }

  /** Pending timeout 5 minutes, hold on drift, events on, active, two conflict retries. */
  public static ActuatorSettings defaults() {
    return new ActuatorSettings(Duration.ofMinutes(5), DriftPolicy.HOLD, true, false, 2);
  }

  public ActuatorSettings withAdvisory(boolean value) {
    return new ActuatorSettings(pendingTimeout, onDrift, events, value, conflictRetries);
  }

  public ActuatorSettings withOnDrift(DriftPolicy value) {
    return new ActuatorSettings(pendingTimeout, value, events, advisory, conflictRetries);
  }

  public ActuatorSettings withPendingTimeout(Duration value) {
    return new ActuatorSettings(value, onDrift, events, advisory, conflictRetries);
  }

  public ActuatorSettings withEvents(boolean value) {
    return new ActuatorSettings(pendingTimeout, onDrift, value, advisory, conflictRetries);
  }
}

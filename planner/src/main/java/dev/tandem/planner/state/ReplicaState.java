package dev.tandem.planner.state;

/**
 * The replicas (engines) of one role as the cluster reports them.
 *
 * @param desired the replica count currently written on the target ({@code spec.replicas});
 *     starting engines are part of it and count as capacity already coming
 * @param ready engines serving traffic
 * @param starting engines created but not ready yet (scheduling, image pull, weights, warm-up)
 * @param draining engines removed from the count that still hold their GPUs while finishing their
 *     requests; they count against the budget until they are gone
 * @param pendingPastTimeout starting engines that have stayed unschedulable longer than the
 *     adapter's timeout (typically: no free GPUs); while any exist the role is not scaled up
 *     further
 */
public record ReplicaState(
    int desired, int ready, int starting, int draining, int pendingPastTimeout) {

  public ReplicaState {
    if (desired < 0 || ready < 0 || starting < 0 || draining < 0 || pendingPastTimeout < 0) {
      throw new IllegalArgumentException(
          "replica counts must be >= 0, got desired="
              + desired
              + " ready="
              + ready
              + " starting="
              + starting
              + " draining="
              + draining
              + " pendingPastTimeout="
              + pendingPastTimeout);
    }
    if (pendingPastTimeout > starting) {
      throw new IllegalArgumentException(
          "pendingPastTimeout "
              + pendingPastTimeout
              + " cannot exceed starting "
              + starting
              + " (pending engines are starting engines)");
    }
  }

  /** A settled role: {@code desired} engines, all ready. */
  public static ReplicaState steady(int replicas) {
    return new ReplicaState(replicas, replicas, 0, 0, 0);
  }

  /** Engines holding GPUs now: desired (ready or starting) plus draining. */
  public int heldEngines() {
    return desired + draining;
  }

  public boolean hasUnschedulable() {
    return pendingPastTimeout > 0;
  }
}

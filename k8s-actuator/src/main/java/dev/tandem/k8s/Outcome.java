package dev.tandem.k8s;

/** What became of one replica change. */
public enum Outcome {
  /** The new count was written (a {@code /scale} PUT or a merge patch). */
  WRITTEN(false),
  /** The live object already had the count (after the minAvailable clamp, if any). */
  UNCHANGED(false),
  /** Advisory mode: reported, not written. */
  ADVISORY(false),
  /** This replica of Tandem does not hold the leader lease. */
  NOT_LEADER(false),
  /** The target carries {@code tandem.dev/paused: "true"}. */
  PAUSED(false),
  /** A Dynamo graph deployment owns the Grove object and would overwrite it. */
  REFUSED_DYNAMO_OWNED(false),
  /** A PodClique of a PodCliqueScalingGroup: Grove scales it through its group. */
  REFUSED_GROUP_MEMBER(false),
  /** The graph service has a scaling adapter: its webhook rejects direct replica edits. */
  REFUSED_ADAPTER_ENABLED(false),
  /** A HorizontalPodAutoscaler or KEDA ScaledObject already scales the object. */
  REFUSED_AUTOSCALER(false),
  /** The live replicas are not those the plan was made against. */
  HELD_DRIFT(false),
  /** A rollout is in progress ({@code updatedReplicas < replicas}). */
  HELD_ROLLOUT(false),
  /** An earlier decrease of the plan was not applied, so its increases wait (budget safety). */
  HELD_AFTER_DECREASE(false),
  /** 409 Conflict after every retry of this tick. */
  CONFLICT(true),
  /** 404: the target no longer exists. */
  GONE(true),
  /** A server error, timeout or other failure of the API call. */
  ERROR(true);

  private final boolean failure;

  Outcome(boolean failure) {
    this.failure = failure;
  }

  /** Whether the change failed (as opposed to being applied or deliberately not applied). */
  public boolean isFailure() {
    return failure;
  }
}

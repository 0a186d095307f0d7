package dev.tandem.k8s;

/** What the actuator does when a target's live replicas are not what the plan was made against. */
public enum DriftPolicy {
  /**
   * Write nothing this tick and report it: the next tick plans against the new count. The default,
   * because a person who scaled by hand, or a rollout in progress, knows something Tandem does not.
   */
  HOLD,
  /** Write the plan's count anyway (for clusters where Tandem is the only writer). */
  OVERWRITE
}

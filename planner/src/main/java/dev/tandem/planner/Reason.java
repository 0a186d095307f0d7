package dev.tandem.planner;

/**
 * Why a number in a plan has its value, HPA-style. Every number of a {@link ScalingPlan} carries
 * one of these and a sentence a person can read.
 */
public enum Reason {
  /** The count the SLA needs at the forecast load (sizing by the TTFT or ITL model). */
  SLA_SIZED,
  /** Healthy metrics show no traffic: the role goes to its minimum. */
  NO_TRAFFIC,
  /** The target is below what one engine achieves alone; sized for a relaxed target instead. */
  SLA_UNATTAINABLE,
  /** The SLA needs more than maxReplicas; capped there. */
  MAX_REPLICAS,
  /** The SLA needs fewer than minReplicas; raised to it. */
  MIN_REPLICAS,
  /** The GPU budget (own or pool) binds; engines went where they raise SLA throughput most. */
  BUDGET_CAPPED,
  /** Even the roles' minimums do not fit the budget: the current replicas are kept. */
  BUDGET_MINIMUMS_DO_NOT_FIT,
  /** Draining engines still hold the GPUs an increase would need. */
  WAITING_FOR_DRAIN,
  /** The target is above the current count: scaled up. */
  SCALE_UP,
  /** Scaled up by the per-decision step limit only. */
  SCALE_UP_LIMITED,
  /** Scaled down: every recommendation in the stabilisation window allowed it. */
  SCALE_DOWN,
  /** A lower target that has not held for the whole stabilisation window. */
  SCALE_DOWN_STABILIZED,
  /** A lower target held because the role already scaled down maxScaleDownsPerHour times. */
  SCALE_DOWN_BUDGET,
  /** The target is within the tolerance band around the current count. */
  WITHIN_TOLERANCE,
  /** The target equals the current count. */
  NO_CHANGE,
  /** Load metrics are not healthy: never scale down on them. */
  METRICS_STALE_NO_SCALE_DOWN,
  /** Load metrics are not healthy: no scale-up without healthy evidence. */
  METRICS_UNHEALTHY_NO_SCALE_UP,
  /** Engines of this role are pending past the timeout (unschedulable): no further scale-up. */
  CAPACITY_UNAVAILABLE,
  /** The role's decision interval has not elapsed; its count is kept. */
  NOT_DUE,
  /** A predicted latency percentile at the planned size. */
  PREDICTED,
  /** The GPUs the plan holds. */
  GPU_TOTAL,
  /** The learned correction of a role's profile. */
  CORRECTION
}

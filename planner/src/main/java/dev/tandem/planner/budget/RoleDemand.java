package dev.tandem.planner.budget;

import java.util.function.IntToDoubleFunction;

/**
 * What one engine role asks of the budget.
 *
 * @param gpusPerReplica GPUs of one engine
 * @param minReplicas the fewest engines the role may have
 * @param need the engines the SLA needs at the forecast, within [min, max]
 * @param capacity engines → the largest arrival rate (requests/s) that many carry within the SLA;
 *     non-decreasing
 */
public record RoleDemand(
    int gpusPerReplica, int minReplicas, int need, IntToDoubleFunction capacity) {

  public RoleDemand {
    if (need < minReplicas) {
      throw new IllegalArgumentException("need " + need + " is below minReplicas " + minReplicas);
    }
  }

  public int needGpus() {
    return need * gpusPerReplica;
  }

  public int minimumGpus() {
    return minReplicas * gpusPerReplica;
  }
}

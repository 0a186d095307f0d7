package dev.tandem.simulations.policy.hpa;

import java.util.ArrayList;
import java.util.List;

/**
 * One HorizontalPodAutoscaler on one Pods metric with an AverageValue target. Each {@link #sync}:
 *
 * <ol>
 *   <li>{@code current > max → max}; {@code current < min → min}; else:
 *   <li>desired from the metric ({@link HpaArithmetic#podsMetricReplicas}); no metric → no change
 *       and nothing remembered;
 *   <li>stabilise ({@link HpaArithmetic#stabilize}); the first sync seeds the history with the
 *       current count, so the HPA does not scale down right after it is created;
 *   <li>rate-limit ({@link HpaArithmetic#rateLimit});
 *   <li>a change is recorded as a scale event for later rate limits.
 * </ol>
 */
public final class HpaController {

  private final long targetMilli;
  private final double tolerance;
  private final int minReplicas;
  private final int maxReplicas;
  private final HpaRules up;
  private final HpaRules down;
  private List<HpaArithmetic.Recommendation> recommendations;
  private final List<HpaArithmetic.ScaleEvent> events = new ArrayList<>();

  /**
   * @param target the AverageValue target in the metric's unit (e.g. 2 waiting requests, 0.5 KV)
   */
  public HpaController(
      double target,
      double tolerance,
      int minReplicas,
      int maxReplicas,
      HpaRules up,
      HpaRules down) {
    if (!(target > 0)) {
      throw new IllegalArgumentException("target must be > 0, got " + target);
    }
    if (minReplicas < 1 || maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "need 1 <= minReplicas <= maxReplicas, got " + minReplicas + ", " + maxReplicas);
    }
    this.targetMilli = Math.round(target * 1000);
    this.tolerance = tolerance;
    this.minReplicas = minReplicas;
    this.maxReplicas = maxReplicas;
    this.up = up;
    this.down = down;
  }

  /**
   * One reconcile.
   *
   * @param now µs
   * @param current the scale's replica count
   * @param ready pods that reported the metric
   * @param unready pods starting
   * @param missing ready pods without a metric
   * @param metricSum Σ of the reported values, metric units
   * @return the replica count to write
   */
  public int sync(long now, int current, int ready, int unready, int missing, double metricSum) {
    long sumMilli = (long) Math.ceil(metricSum * 1000 - 1e-9);
    return reconcile(
        now,
        current,
        HpaArithmetic.podsMetricReplicas(
            current, ready, unready, missing, sumMilli, targetMilli, tolerance));
  }

  /**
   * One reconcile on an External metric with a {@code Value} target (KEDA's Prometheus scaler with
   * {@code metricType: Value}): the query's one value against the target, scaled by the ready pods.
   *
   * @param now µs
   * @param current the scale's replica count
   * @param ready ready pods
   * @param value the query's value in the metric's unit; NaN (no data) keeps the count
   * @return the replica count to write
   */
  public int syncValue(long now, int current, int ready, double value) {
    if (!Double.isFinite(value) || ready == 0) {
      return reconcile(now, current, -1);
    }
    long usageMilli = (long) Math.ceil(value * 1000 - 1e-9);
    return reconcile(
        now,
        current,
        HpaArithmetic.valueMetricReplicas(current, ready, usageMilli, targetMilli, tolerance));
  }

  private int reconcile(long now, int current, int raw) {
    int desired;
    if (current > maxReplicas) {
      desired = maxReplicas;
    } else if (current < minReplicas) {
      desired = minReplicas;
    } else {
      if (raw < 0) {
        return current;
      }
      if (recommendations == null) {
        recommendations = List.of(new HpaArithmetic.Recommendation(current, now));
      }
      HpaArithmetic.Stabilized s =
          HpaArithmetic.stabilize(
              recommendations,
              now,
              raw,
              current,
              up.stabilizationMicros(),
              down.stabilizationMicros());
      recommendations = s.history();
      desired =
          HpaArithmetic.rateLimit(
              events, now, s.replicas(), current, minReplicas, maxReplicas, up, down);
    }
    if (desired != current) {
      events.add(new HpaArithmetic.ScaleEvent(desired - current, now));
      long longest = 0;
      for (HpaRules r : List.of(up, down)) {
        for (HpaRules.Policy p : r.policies()) {
          longest = Math.max(longest, p.periodMicros());
        }
      }
      long cutoff = now - longest;
      events.removeIf(e -> e.atMicros() <= cutoff);
    }
    return desired;
  }
}

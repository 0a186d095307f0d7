package dev.tandem.simulations.policy.hpa;

import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes HorizontalPodAutoscaler's replica arithmetic ({@code replica_calculator.go} and
 * {@code horizontal.go}), as pure functions of plain values. Time in µs.
 */
public final class HpaArithmetic {

  private HpaArithmetic() {}

  /** A recommendation remembered for stabilisation. */
  public record Recommendation(int replicas, long atMicros) {}

  /** A scaling that happened: {@code change > 0} up, {@code < 0} down. */
  public record ScaleEvent(int change, long atMicros) {}

  /**
   * Replicas for a Pods metric with an AverageValue target ({@code calcPlainMetricReplicas}).
   * Values are in milli-units as the HPA handles them: {@code average = ⌊Σ milli / pods⌋}, {@code
   * ratio = average / target}.
   *
   * <ol>
   *   <li>No unready pods on a scale-up and no missing pods: within tolerance ({@code 1 − tol ≤
   *       ratio ≤ 1 + tol}) keep {@code current}, else {@code ⌈ratio × ready⌉}.
   *   <li>Otherwise re-average with missing pods at the target (if ratio &lt; 1) or 0 (if ratio ≥
   *       1), and unready pods at 0 when scaling up; keep {@code current} if the new ratio is
   *       within tolerance or flips direction; else {@code ⌈newRatio × pods counted⌉}, unless that
   *       moves against the ratio's direction.
   * </ol>
   *
   * @param current the scale's replica count
   * @param ready pods with a metric
   * @param unready pods not yet ready (starting)
   * @param missing ready pods without a metric
   * @param sumMilli Σ of the ready pods' metric, milli-units
   * @param targetMilli the AverageValue target, milli-units
   * @param tolerance e.g. 0.1
   * @return the desired replicas, or −1 when there is no metric to decide on
   */
  public static int podsMetricReplicas(
      int current,
      int ready,
      int unready,
      int missing,
      long sumMilli,
      long targetMilli,
      double tolerance) {
    if (ready == 0) {
      return -1;
    }
    double ratio = (double) (sumMilli / ready) / targetMilli;
    boolean scaleUpWithUnready = unready > 0 && ratio > 1.0;
    if (!scaleUpWithUnready && missing == 0) {
      if (within(ratio, tolerance)) {
        return current;
      }
      return (int) Math.ceil(ratio * ready);
    }
    long sum = sumMilli;
    int pods = ready;
    if (missing > 0) {
      sum += ratio < 1.0 ? (long) missing * targetMilli : 0;
      pods += missing;
    }
    if (scaleUpWithUnready) {
      pods += unready;
    }
    double newRatio = (double) (sum / pods) / targetMilli;
    if (within(newRatio, tolerance)
        || (ratio < 1.0 && newRatio > 1.0)
        || (ratio > 1.0 && newRatio < 1.0)) {
      return current;
    }
    int replicas = (int) Math.ceil(newRatio * pods);
    if ((newRatio < 1.0 && replicas > current) || (newRatio > 1.0 && replicas < current)) {
      return current;
    }
    return replicas;
  }

  /**
   * {@code getUsageRatioReplicaCount} for an External (or Object) metric with a {@code Value}
   * target, the form KEDA's Prometheus scaler takes with {@code metricType: Value}: ratio = value /
   * target; within tolerance the count stays; else {@code ⌈ratio × ready pods⌉} (with no replicas,
   * {@code ⌈ratio⌉}). Unlike a Pods metric the value is one number for the whole scale target, so a
   * latency above target scales out in proportion and a latency below it scales in.
   *
   * @param current the scale's replica count
   * @param ready ready pods
   * @param usageMilli the metric's value, milli-units
   * @param targetMilli the Value target, milli-units
   * @param tolerance e.g. 0.1
   * @return the desired replicas
   */
  public static int valueMetricReplicas(
      int current, int ready, long usageMilli, long targetMilli, double tolerance) {
    double ratio = (double) usageMilli / targetMilli;
    if (current == 0) {
      return (int) Math.ceil(ratio);
    }
    if (within(ratio, tolerance)) {
      return current;
    }
    return (int) Math.ceil(ratio * ready);
  }

  static boolean within(double ratio, double tolerance) {
    return 1.0 - tolerance <= ratio && ratio <= 1.0 + tolerance;
  }

  /** Result of stabilisation: the stabilised count and the history to keep. */
  public record Stabilized(int replicas, List<Recommendation> history) {}

  /**
   * {@code stabilizeRecommendationWithBehaviors}: {@code up = min} of {@code desired} and the
   * recommendations newer than {@code now − upWindow}; {@code down = max} of {@code desired} and
   * those newer than {@code now − downWindow}; result {@code = min(max(current, up), down)}. The
   * new recommendation replaces one older than both windows, else is appended.
   */
  public static Stabilized stabilize(
      List<Recommendation> history,
      long now,
      int desired,
      int current,
      long upWindowMicros,
      long downWindowMicros) {
    int up = desired;
    int down = desired;
    long upCutoff = now - upWindowMicros;
    long downCutoff = now - downWindowMicros;
    int oldIndex = -1;
    for (int i = 0; i < history.size(); i++) {
      Recommendation r = history.get(i);
      if (r.atMicros() > upCutoff) {
        up = Math.min(r.replicas(), up);
      }
      if (r.atMicros() > downCutoff) {
        down = Math.max(r.replicas(), down);
      }
      if (r.atMicros() < upCutoff && r.atMicros() < downCutoff) {
        oldIndex = i;
      }
    }
    int result = Math.min(Math.max(current, up), down);
    List<Recommendation> next = new ArrayList<>(history);
    Recommendation fresh = new Recommendation(desired, now);
    if (oldIndex >= 0) {
      next.set(oldIndex, fresh);
    } else {
      next.add(fresh);
    }
    return new Stabilized(result, List.copyOf(next));
  }

  /** Σ change of the events newer than {@code now − period} of the given sign. */
  static int changeInPeriod(List<ScaleEvent> events, long now, long periodMicros, boolean up) {
    int sum = 0;
    for (ScaleEvent e : events) {
      if (e.atMicros() > now - periodMicros && (e.change() > 0) == up && e.change() != 0) {
        sum += Math.abs(e.change());
      }
    }
    return sum;
  }

  /**
   * {@code calculateScaleUpLimitWithScalingRules}: per policy, {@code start = current − added +
   * removed} over its period; proposal {@code start + value} (Pods) or {@code ⌈start × (1 +
   * value/100)⌉} (Percent); the largest proposal (MAX) or smallest (MIN); {@code current} when
   * disabled.
   */
  public static int scaleUpLimit(List<ScaleEvent> events, long now, int current, HpaRules rules) {
    if (rules.select() == HpaRules.Select.DISABLED) {
      return current;
    }
    boolean max = rules.select() == HpaRules.Select.MAX;
    int result = max ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (HpaRules.Policy p : rules.policies()) {
      int start =
          current
              - changeInPeriod(events, now, p.periodMicros(), true)
              + changeInPeriod(events, now, p.periodMicros(), false);
      int proposed =
          p.type() == HpaRules.Type.PODS
              ? start + p.value()
              : (int) Math.ceil(start * (1 + p.value() / 100.0));
      result = max ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }

  /**
   * {@code calculateScaleDownLimitWithBehaviors}: proposal {@code start − value} (Pods) or {@code
   * ⌊start × (1 − value/100)⌋} (Percent, truncated); the smallest (MAX: most change) or largest
   * (MIN).
   */
  public static int scaleDownLimit(List<ScaleEvent> events, long now, int current, HpaRules rules) {
    if (rules.select() == HpaRules.Select.DISABLED) {
      return current;
    }
    boolean max = rules.select() == HpaRules.Select.MAX;
    int result = max ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (HpaRules.Policy p : rules.policies()) {
      int start =
          current
              - changeInPeriod(events, now, p.periodMicros(), true)
              + changeInPeriod(events, now, p.periodMicros(), false);
      int proposed =
          p.type() == HpaRules.Type.PODS
              ? start - p.value()
              : (int) (start * (1 - p.value() / 100.0));
      result = max ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
  }

  /**
   * {@code convertDesiredReplicasWithBehaviorRate}: going up, cap at {@code min(maxReplicas,
   * max(scaleUpLimit, current))}; going down, floor at {@code max(minReplicas, min(scaleDownLimit,
   * current))}.
   */
  public static int rateLimit(
      List<ScaleEvent> events,
      long now,
      int desired,
      int current,
      int minReplicas,
      int maxReplicas,
      HpaRules up,
      HpaRules down) {
    if (desired > current) {
      int limit = Math.max(scaleUpLimit(events, now, current, up), current);
      return Math.min(desired, Math.min(maxReplicas, limit));
    }
    if (desired < current) {
      int limit = Math.min(scaleDownLimit(events, now, current, down), current);
      return Math.max(desired, Math.max(minReplicas, limit));
    }
    return desired;
  }
}

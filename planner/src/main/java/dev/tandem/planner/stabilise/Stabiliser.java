package dev.tandem.planner.stabilise;

import dev.tandem.config.policy.RoleBehavior;
import dev.tandem.planner.Explanation;
import dev.tandem.planner.Reason;
import dev.tandem.planner.history.Recommendation;
import dev.tandem.planner.history.RoleHistory;
import dev.tandem.planner.state.ReplicaState;
import java.time.Instant;
import java.util.List;

/**
 * Turns a role's target into the count written this decision, HPA-style but with health and
 * unschedulable engines taken into account. Rules, in order, for current count c and target r:
 *
 * <ol>
 *   <li>|r − c| ≤ tolerance · c: keep c ({@link Reason#WITHIN_TOLERANCE}).
 *   <li>r &gt; c: with unhealthy load metrics keep c ({@link
 *       Reason#METRICS_UNHEALTHY_NO_SCALE_UP}); with engines pending past the timeout keep c
 *       ({@link Reason#CAPACITY_UNAVAILABLE}: more pending pods would not help); else {@code min(r,
 *       c + scaleUpLimit)}.
 *   <li>r &lt; c: with unhealthy load metrics keep c ({@link Reason#METRICS_STALE_NO_SCALE_DOWN});
 *       with {@code maxScaleDownsPerHour} scale-downs begun in the last hour keep c (a run of
 *       decreases with no increase between them is one scale-down; {@link
 *       Reason#SCALE_DOWN_BUDGET}); else the largest recommendation inside the stabilisation window
 *       ({@link ScaleDownWindow}: shorter when the forecast has lately been right), once the window
 *       has been observed in full (a recommendation at or before its start exists), else keep c.
 * </ol>
 *
 * The recommendation recorded for the window is r when the metrics are healthy and c otherwise, so
 * unhealthy periods never count towards a scale-down.
 */
public final class Stabiliser {

  private Stabiliser() {}

  /** {@link #decide} with the policy's scale-down window as written. */
  public static Stabilised decide(
      int target,
      ReplicaState state,
      RoleBehavior behavior,
      RoleHistory history,
      boolean healthy,
      Instant now) {
    return decide(
        target,
        state,
        behavior,
        new ScaleDownWindow(behavior.scaleDownStabilization(), ""),
        history,
        healthy,
        now);
  }

  /**
   * @param window the scale-down window of this decision ({@link ScaleDownWindow}); the history
   *     still keeps the policy's full window, so a later, less confident decision has it
   */
  public static Stabilised decide(
      int target,
      ReplicaState state,
      RoleBehavior behavior,
      ScaleDownWindow window,
      RoleHistory history,
      boolean healthy,
      Instant now) {
    int c = state.desired();
    RoleHistory next =
        history.decided(now, healthy ? target : c, behavior.scaleDownStabilization());
    if (target == c) {
      return keep(c, Reason.NO_CHANGE, "the target equals the current count " + c, next);
    }
    if (Math.abs(target - c) <= behavior.tolerance() * c) {
      return keep(
          c,
          Reason.WITHIN_TOLERANCE,
          String.format(
              "target %d is within ±%.0f%% of the current %d",
              target, behavior.tolerance() * 100, c),
          next);
    }
    if (target > c) {
      return up(target, c, state, behavior, healthy, next);
    }
    if (!healthy) {
      return keep(
          c,
          Reason.METRICS_STALE_NO_SCALE_DOWN,
          "target " + target + " is lower, but the load metrics are not healthy: no scale-down",
          next);
    }
    List<Instant> downs = history.scaleDownsWithinHour(now);
    if (downs.size() >= behavior.maxScaleDownsPerHour()) {
      return keep(
          c,
          Reason.SCALE_DOWN_BUDGET,
          "target "
              + target
              + " is lower, but "
              + downs.size()
              + " scale-downs in the last hour (a run of decreases with no increase between"
              + " counts once) reach maxScaleDownsPerHour "
              + behavior.maxScaleDownsPerHour()
              + ": the next is allowed from "
              + downs
                  .get(downs.size() - behavior.maxScaleDownsPerHour())
                  .plus(RoleHistory.SCALE_DOWN_MEMORY),
          next);
    }
    return down(target, c, window, next, now);
  }

  private static Stabilised up(
      int target,
      int c,
      ReplicaState state,
      RoleBehavior behavior,
      boolean healthy,
      RoleHistory next) {
    if (!healthy) {
      return keep(
          c,
          Reason.METRICS_UNHEALTHY_NO_SCALE_UP,
          "target " + target + " is higher, but the load metrics are not healthy: no scale-up",
          next);
    }
    if (state.hasUnschedulable()) {
      return keep(
          c,
          Reason.CAPACITY_UNAVAILABLE,
          state.pendingPastTimeout()
              + " engine(s) pending past the timeout (unschedulable): holding at "
              + c
              + " instead of "
              + target,
          next);
    }
    int limit = behavior.scaleUpLimitReplicas();
    if (target - c > limit) {
      return new Stabilised(
          c + limit,
          new Explanation(
              Reason.SCALE_UP_LIMITED,
              c
                  + " → "
                  + (c + limit)
                  + " (target "
                  + target
                  + ", at most +"
                  + limit
                  + " per step)"),
          next);
    }
    return new Stabilised(target, new Explanation(Reason.SCALE_UP, c + " → " + target), next);
  }

  private static Stabilised down(
      int target, int c, ScaleDownWindow w, RoleHistory next, Instant now) {
    Instant start = now.minus(w.window());
    boolean observedWholeWindow = false;
    int highest = target;
    for (Recommendation r : next.recommendations()) {
      if (!r.at().isAfter(start)) {
        observedWholeWindow = true;
      } else {
        highest = Math.max(highest, r.replicas());
      }
    }
    String window = w.window().toSeconds() + "s";
    String shortened = w.why().isEmpty() ? "" : " (" + w.why() + ")";
    if (w.window().isZero()) {
      observedWholeWindow = true;
    }
    if (!observedWholeWindow || highest >= c) {
      return keep(
          c,
          Reason.SCALE_DOWN_STABILIZED,
          "target "
              + target
              + " is lower, but "
              + (observedWholeWindow
                  ? "the recommendations of the last " + window + " reach " + highest
                  : "the " + window + " stabilisation window has not been observed in full yet")
              + shortened,
          next);
    }
    return new Stabilised(
        highest,
        new Explanation(
            Reason.SCALE_DOWN,
            c
                + " → "
                + highest
                + " (highest recommendation of the last "
                + window
                + ")"
                + shortened),
        next);
  }

  private static Stabilised keep(int c, Reason reason, String message, RoleHistory next) {
    return new Stabilised(c, new Explanation(reason, message), next);
  }
}

package dev.tandem.planner;

import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.RoleBehavior;
import dev.tandem.config.policy.ScaledRole;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.budget.Allocation;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.RoleHistory;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.stabilise.ScaleDownWindow;
import dev.tandem.planner.stabilise.Stabilised;
import dev.tandem.planner.stabilise.Stabiliser;
import dev.tandem.planner.state.ReplicaState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From targets to the counts written this decision, role by role, then two budget rules over all
 * roles together:
 *
 * <ol>
 *   <li>Due roles go through the {@link Stabiliser}; roles that are not due keep their count,
 *       unless the model predicts their current count misses the target at the forecast peak and
 *       the target is higher: a scale-up does not wait for the interval (the interval spaces
 *       decisions; waiting costs a window). On the sinusoid's first ramp decode was predicted at
 *       13.3 ms against 10 ms on 2 engines and waited 30 s for its turn.
 *   <li>Σ desired × gpusPerReplica never exceeds the budget: a role above its target (kept there by
 *       stabilisation) comes down to the target at once.
 *   <li>Increases fit in the GPUs not held right now: held = Σ (current + draining) ×
 *       gpusPerReplica, since engines being removed keep their GPUs until they are gone. An
 *       increase that does not fit waits ({@link Reason#WAITING_FOR_DRAIN}); roles are served in
 *       the order prefill, decode, router.
 * </ol>
 *
 * Every change written is recorded in the role's history for the bound on scale-downs per hour: a
 * decrease after an increase (or the first) begins a scale-down, a decrease after a decrease
 * continues it.
 */
final class Settling {

  private Settling() {}

  /**
   * @param missing the roles that are not due and whose current count is predicted to miss the
   *     target at the forecast peak: they may scale up now
   */
  static Map<Role, Stabilised> settle(
      PlannerInput in,
      Targets t,
      ScalingHistory history,
      Map<Role, Boolean> healthy,
      Set<Role> missing,
      Instant now) {
    SlaPolicy policy = in.deployment().policy();
    Map<Role, Stabilised> out = new EnumMap<>(Role.class);
    for (ScaledRole role : policy.roles().all()) {
      out.put(role.role(), first(in, t, history.of(role.role()), role, healthy, missing, now));
    }
    int desiredGpus = 0;
    for (ScaledRole role : policy.roles().all()) {
      desiredGpus += out.get(role.role()).desired() * role.gpusPerReplica();
    }
    if (desiredGpus > in.budgetGpus() && t.outcome() != Allocation.Outcome.MINIMUMS_DO_NOT_FIT) {
      for (ScaledRole role : policy.roles().all()) {
        Stabilised s = out.get(role.role());
        int target = t.of(role.role());
        if (s.desired() > target) {
          out.put(
              role.role(),
              new Stabilised(
                  target,
                  new Explanation(
                      Reason.BUDGET_CAPPED,
                      Format.f(
                          "%d → %d at once: %d GPUs would exceed the budget of %d (%s)",
                          s.desired(), target, desiredGpus, in.budgetGpus(), in.budgetSource())),
                  s.history()));
        }
      }
    }
    gateIncreases(in, policy.roles().all(), out);
    for (ScaledRole role : policy.roles().all()) {
      Stabilised s = out.get(role.role());
      int current = in.replicas().of(role.role()).desired();
      if (s.desired() < current) {
        out.put(role.role(), new Stabilised(s.desired(), s.why(), s.history().scaledDown(now)));
      } else if (s.desired() > current) {
        out.put(role.role(), new Stabilised(s.desired(), s.why(), s.history().scaledUp()));
      }
    }
    return out;
  }

  private static Stabilised first(
      PlannerInput in,
      Targets t,
      RoleHistory history,
      ScaledRole role,
      Map<Role, Boolean> healthy,
      Set<Role> missing,
      Instant now) {
    Role r = role.role();
    ReplicaState state = in.replicas().of(r);
    RoleBehavior behavior = in.deployment().policy().behavior().of(r);
    boolean early = missing.contains(r) && t.of(r) > state.desired();
    if (!in.isDue(r) && !early) {
      return notDue(state, behavior, history);
    }
    if (r != Role.ROUTER && t.outcome() == Allocation.Outcome.MINIMUMS_DO_NOT_FIT) {
      return new Stabilised(
          state.desired(),
          t.why(r),
          history.decided(now, state.desired(), behavior.scaleDownStabilization()));
    }
    LoadForecast forecast = r == Role.DECODE ? in.decodeForecast() : in.prefillForecast();
    Stabilised s =
        Stabiliser.decide(
            t.of(r),
            state,
            behavior,
            ScaleDownWindow.of(behavior, forecast.peakError(), history.correctionSamples()),
            history,
            healthy.get(r),
            now);
    if (!early) {
      return s;
    }
    if (s.desired() <= state.desired()) {
      // held by a rule (tolerance, unhealthy metrics, pending engines): not a decision after all
      return notDue(state, behavior, history);
    }
    return new Stabilised(
        s.desired(),
        new Explanation(
            s.why().reason(),
            s.why().message()
                + Format.f(
                    " (before its %s interval is up: at its current %d it is predicted to miss"
                        + " the target at the forecast peak, and a scale-up does not wait)",
                    Format.duration(behavior.interval()), state.desired())),
        s.history());
  }

  private static Stabilised notDue(ReplicaState state, RoleBehavior behavior, RoleHistory history) {
    String next =
        history
            .lastDecision()
            .map(last -> " (next at " + last.plus(behavior.interval()) + ")")
            .orElse("");
    return new Stabilised(
        state.desired(),
        new Explanation(
            Reason.NOT_DUE, "decided every " + Format.duration(behavior.interval()) + next),
        history);
  }

  private static void gateIncreases(
      PlannerInput in, List<ScaledRole> roles, Map<Role, Stabilised> out) {
    int held = 0;
    for (ScaledRole role : roles) {
      held += in.replicas().of(role.role()).heldEngines() * role.gpusPerReplica();
    }
    int room = in.budgetGpus() - held;
    for (ScaledRole role : roles) {
      Stabilised s = out.get(role.role());
      ReplicaState state = in.replicas().of(role.role());
      int increase = s.desired() - state.desired();
      if (increase <= 0 || role.gpusPerReplica() == 0) {
        continue;
      }
      int fits = Math.max(0, Math.min(increase, room / role.gpusPerReplica()));
      room -= fits * role.gpusPerReplica();
      if (fits < increase) {
        out.put(
            role.role(),
            new Stabilised(
                state.desired() + fits,
                new Explanation(
                    Reason.WAITING_FOR_DRAIN,
                    Format.f(
                        "%d → %d instead of %d: %d of the %d budget GPUs are still held (current"
                            + " and draining engines count until they are gone)",
                        state.desired(),
                        state.desired() + fits,
                        s.desired(),
                        held,
                        in.budgetGpus())),
                s.history()));
      }
    }
  }
}

package dev.tandem.planner;

import dev.tandem.config.policy.EngineRole;
import dev.tandem.config.policy.RouterRole;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.budget.Allocation;
import dev.tandem.planner.budget.BudgetAllocator;
import dev.tandem.planner.budget.RoleDemand;
import java.util.List;
import java.util.Optional;

/**
 * From the role models' needs to targets: each need is kept within [minReplicas, maxReplicas], the
 * router is sized by request rate, and the engine roles are fitted into the budget left after the
 * routers ({@link BudgetAllocator}). When the minimums do not fit, the targets are the current
 * counts.
 */
final class Targeting {

  private Targeting() {}

  /** A target and its reason. */
  record RoleTarget(int replicas, Explanation why) {}

  static Targets targets(PlannerInput in, RoleModel prefill, RoleModel decode) {
    SlaPolicy policy = in.deployment().policy();
    String unhealthy = unhealthy(in);
    RoleTarget p =
        clamp(prefill, policy.roles().prefill(), in.prefillForecast().healthy() ? "" : unhealthy);
    RoleTarget d =
        clamp(decode, policy.roles().decode(), in.decodeForecast().healthy() ? "" : unhealthy);
    RoleTarget r = router(in, policy.roles().router());
    int routerGpus = r.replicas() * policy.roles().router().map(x -> x.gpusPerReplica()).orElse(0);
    int budget = in.budgetGpus() - routerGpus;
    EngineRole pr = policy.roles().prefill();
    EngineRole dr = policy.roles().decode();
    Allocation a =
        BudgetAllocator.allocate(
            new RoleDemand(pr.gpusPerReplica(), pr.minReplicas(), p.replicas(), prefill::capacity),
            new RoleDemand(dr.gpusPerReplica(), dr.minReplicas(), d.replicas(), decode::capacity),
            budget,
            in.replicas().prefill().desired(),
            in.replicas().decode().desired());
    String budgetText = in.budgetGpus() + " GPUs (" + in.budgetSource() + ")";
    if (a.outcome() == Allocation.Outcome.MINIMUMS_DO_NOT_FIT) {
      Explanation why =
          new Explanation(
              Reason.BUDGET_MINIMUMS_DO_NOT_FIT,
              Format.f(
                  "the minimums need %d GPUs (prefill %d×%d + decode %d×%d) but the budget is %s:"
                      + " keeping the current replicas",
                  pr.minimumGpus() + dr.minimumGpus(),
                  pr.minReplicas(),
                  pr.gpusPerReplica(),
                  dr.minReplicas(),
                  dr.gpusPerReplica(),
                  budgetText));
      return Targets.of(
          new RoleTarget(in.replicas().prefill().desired(), why),
          new RoleTarget(in.replicas().decode().desired(), why),
          r,
          a.outcome());
    }
    if (a.outcome() == Allocation.Outcome.CAPPED) {
      String shared =
          Format.f(
              "the budget of %s binds (the SLA asks for %d GPUs): engines go to the bottleneck"
                  + " role, so the pipeline serves min(prefill %s, decode %s) = %s req/s at the SLA",
              budgetText,
              p.replicas() * pr.gpusPerReplica() + d.replicas() * dr.gpusPerReplica() + routerGpus,
              Format.num(prefill.capacity(a.prefill())),
              Format.num(decode.capacity(a.decode())),
              Format.num(a.servedRate()));
      p = capped(p, a.prefill(), shared);
      d = capped(d, a.decode(), shared);
    }
    return Targets.of(p, d, r, a.outcome());
  }

  private static RoleTarget capped(RoleTarget t, int allocated, String shared) {
    if (allocated >= t.replicas()) {
      return t;
    }
    return new RoleTarget(
        allocated,
        new Explanation(
            Reason.BUDGET_CAPPED,
            t.replicas()
                + " → "
                + allocated
                + ": "
                + shared
                + " (was: "
                + t.why().message()
                + ")"));
  }

  /**
   * @param unhealthy empty, or why the load metrics are not trusted (then "no traffic" is not
   *     claimed, and the sentence says so)
   */
  static RoleTarget clamp(RoleModel model, EngineRole range, String unhealthy) {
    int need = model.need();
    String sentence = unhealthy + model.needSentence();
    if (need == 0 && !unhealthy.isEmpty()) {
      return new RoleTarget(
          range.minReplicas(),
          new Explanation(
              Reason.MIN_REPLICAS, sentence + "; the minimum is " + range.minReplicas()));
    }
    if (need == 0) {
      return new RoleTarget(
          range.minReplicas(),
          new Explanation(
              Reason.NO_TRAFFIC,
              sentence + "; the minimum of " + range.minReplicas() + " stays up"));
    }
    if (need > range.maxReplicas() || !model.met()) {
      return new RoleTarget(
          range.maxReplicas(),
          new Explanation(
              Reason.MAX_REPLICAS,
              (model.met() ? "needs " + need : "needs more than " + need)
                  + " engines, capped at maxReplicas "
                  + range.maxReplicas()
                  + ": "
                  + sentence));
    }
    if (need < range.minReplicas()) {
      return new RoleTarget(
          range.minReplicas(),
          new Explanation(
              Reason.MIN_REPLICAS,
              "needs "
                  + need
                  + ", raised to minReplicas "
                  + range.minReplicas()
                  + ": "
                  + sentence));
    }
    Reason reason = model.reachable() ? Reason.SLA_SIZED : Reason.SLA_UNATTAINABLE;
    return new RoleTarget(need, new Explanation(reason, sentence));
  }

  private static String unhealthy(PlannerInput in) {
    List<String> signals = in.metrics().unhealthyLoadSignals();
    return "load metrics not healthy ("
        + (signals.isEmpty() ? "forecast" : String.join(", ", signals))
        + "), sized from what is known: ";
  }

  private static RoleTarget router(PlannerInput in, Optional<RouterRole> router) {
    if (router.isEmpty()) {
      return new RoleTarget(0, new Explanation(Reason.NO_CHANGE, "no router role"));
    }
    RouterRole r = router.get();
    double rate = in.prefillForecast().peakRate();
    int need = (int) Math.ceil(rate / r.requestsPerSecondPerReplica() - 1e-9);
    int target = Math.max(r.minReplicas(), Math.min(r.maxReplicas(), need));
    Reason reason =
        need > r.maxReplicas()
            ? Reason.MAX_REPLICAS
            : need < r.minReplicas() ? Reason.MIN_REPLICAS : Reason.SLA_SIZED;
    return new RoleTarget(
        target,
        new Explanation(
            reason,
            Format.f(
                "⌈%s req/s ÷ %s req/s per router⌉ = %d, within [%d, %d]",
                Format.num(rate),
                Format.num(r.requestsPerSecondPerReplica()),
                need,
                r.minReplicas(),
                r.maxReplicas())));
  }
}

package dev.tandem.cli;

import dev.tandem.config.policy.Budget;
import dev.tandem.config.policy.EngineRole;
import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.Roles;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.PlanText;
import dev.tandem.planner.Reason;
import dev.tandem.planner.Recommender;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import java.util.Locale;
import java.util.Optional;

/**
 * What the SLA needs, beside the step a plan takes. A plan's headline shows the next step (held by
 * the step limit) and the target (held by maxReplicas and the budget): at 200 req/s {@code prefill
 * 1 → 5 (target 8)} hid that the SLA needs 13 engines. The need is read from the same planner run
 * on the policy with its ceilings lifted (maxReplicas {@value #OPEN} per role and a budget that
 * fits them), so the number is the planner's, not a second model's.
 */
final class SlaNeed {

  /** The ceiling per role of the lifted policy; a need above it is "more than" this. */
  static final int OPEN = 1024;

  private SlaNeed() {}

  /** {@code PlanText.render(plan)} with "the SLA needs N" in each engine role's headline. */
  static String render(ScalingPlan plan, Deployment deployment, Recommender.Load load) {
    ScalingPlan open = new Recommender().recommend(lifted(deployment), load, plan.at());
    String text = PlanText.render(plan);
    for (RoleDecision d : plan.decisions()) {
      if (d.role() == Role.ROUTER) {
        continue;
      }
      RoleDecision o = open.decision(d.role());
      Reason why = o.targetWhy().reason();
      String need =
          why == Reason.MAX_REPLICAS
              ? "the SLA needs more than " + o.target()
              : why == Reason.SLA_UNATTAINABLE
                  ? "no size meets the SLA (see target)"
                  : "the SLA needs " + o.target();
      String header =
          String.format(
              Locale.ROOT,
              "%-8s %d → %d   (target %d, ",
              d.role().yamlName(),
              d.current(),
              d.desired(),
              d.target());
      String step = d.desired() == d.target() ? "" : "next step; ";
      text =
          text.replace(
              header,
              header.substring(0, header.indexOf('('))
                  + "("
                  + step
                  + "target "
                  + d.target()
                  + "; "
                  + need
                  + "; ");
    }
    return text;
  }

  private static Deployment lifted(Deployment d) {
    SlaPolicy p = d.policy();
    Roles r = p.roles();
    EngineRole prefill = widen(r.prefill());
    EngineRole decode = widen(r.decode());
    int routerGpus = r.router().map(x -> x.maxReplicas() * x.gpusPerReplica()).orElse(0);
    int gpus =
        prefill.maxReplicas() * prefill.gpusPerReplica()
            + decode.maxReplicas() * decode.gpusPerReplica()
            + routerGpus;
    SlaPolicy open =
        new SlaPolicy(
            p.name(),
            p.namespace(),
            p.mode(),
            p.sla(),
            new Roles(prefill, decode, r.router()),
            new Budget(gpus, Optional.empty()),
            p.behavior(),
            p.forecast(),
            p.metrics(),
            p.origin(),
            p.nameLocation());
    return Deployment.of(open, d.prefill().profile(), d.decode().capacity().profile());
  }

  private static EngineRole widen(EngineRole e) {
    return new EngineRole(
        e.role(),
        e.target(),
        e.gpusPerReplica(),
        e.minReplicas(),
        Math.max(OPEN, e.maxReplicas()),
        e.profile(),
        e.targetLocation(),
        e.gpusPerReplicaLocation(),
        e.profileLocation());
  }
}

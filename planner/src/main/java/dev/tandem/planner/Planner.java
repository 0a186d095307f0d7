package dev.tandem.planner;

import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.ScaledRole;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.stabilise.Stabilised;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * The decision core: one pure function from a deployment's inputs and history to a {@link
 * ScalingPlan}. No clock, no I/O: {@code now} and everything else arrive as arguments, so the
 * control loop, the simulator and the dry-run API make the same decision from the same inputs.
 *
 * <ol>
 *   <li>Learn each due role's correction from healthy observations ({@link CorrectionStep}).
 *   <li>Size prefill for the TTFT percentile ({@link PrefillRoleModel}) and decode for the ITL
 *       percentile ({@link DecodeRoleModel}) at their own forecasts; size routers by request rate.
 *   <li>Keep targets within the replica ranges and fit them into the budget ({@link Targeting}).
 *   <li>Stabilise and apply the budget's hold rules ({@link Settling}).
 *   <li>Predict the latency percentiles at the counts written, total the GPUs, order the writes
 *       (decreases first) and keep the new history.
 * </ol>
 */
public final class Planner {

  public ScalingPlan plan(PlannerInput in, ScalingHistory history, Instant now) {
    SlaPolicy policy = in.deployment().policy();
    Sized sizedPrefill =
        Sized.of(
            CorrectionStep.learn(in, Role.PREFILL, history.prefill(), now),
            in.prefillForecast(),
            k ->
                new PrefillRoleModel(
                    in.deployment(),
                    in.prefillForecast(),
                    in.metrics(),
                    k,
                    in.replicas().prefill().desired()));
    Sized sizedDecode =
        Sized.of(
            CorrectionStep.learn(in, Role.DECODE, history.decode(), now),
            in.decodeForecast(),
            k ->
                new DecodeRoleModel(
                    in.deployment(),
                    in.decodeForecast(),
                    in.metrics(),
                    k,
                    in.replicas().decode().desired()));
    CorrectionStep.Learned pk = sizedPrefill.k();
    CorrectionStep.Learned dk = sizedDecode.k();
    RoleModel prefill = sizedPrefill.model();
    RoleModel decode = sizedDecode.model();
    ScalingHistory learned =
        history.with(Role.PREFILL, pk.history()).with(Role.DECODE, dk.history());
    Targets targets = Targeting.targets(in, prefill, decode);
    boolean load = in.metrics().loadIsHealthy();
    Map<Role, Boolean> healthy = new EnumMap<>(Role.class);
    healthy.put(Role.PREFILL, load && in.prefillForecast().healthy());
    healthy.put(Role.DECODE, load && in.decodeForecast().healthy());
    healthy.put(Role.ROUTER, load && in.prefillForecast().healthy());
    Set<Role> missing = EnumSet.noneOf(Role.class);
    addIfMissingWhileNotDue(in, Role.PREFILL, prefill, missing);
    addIfMissingWhileNotDue(in, Role.DECODE, decode, missing);
    Map<Role, Stabilised> settled = Settling.settle(in, targets, learned, healthy, missing, now);

    ScalingHistory next = learned;
    for (Map.Entry<Role, Stabilised> e : settled.entrySet()) {
      next = next.with(e.getKey(), e.getValue().history());
    }
    RoleDecision p =
        engineDecision(in, Role.PREFILL, targets, settled, prefill, in.prefillForecast(), pk);
    RoleDecision d =
        engineDecision(in, Role.DECODE, targets, settled, decode, in.decodeForecast(), dk);
    Optional<RoleDecision> r =
        policy.roles().router().map(role -> routerDecision(in, role, targets, settled));
    List<RoleDecision> all = new ArrayList<>(List.of(p, d));
    r.ifPresent(all::add);
    return new ScalingPlan(
        in.deployment().key(),
        now,
        policy.mode(),
        p,
        d,
        r,
        totalGpus(all),
        gpus(in, all),
        changes(policy, all),
        in.prefillForecast(),
        in.decodeForecast(),
        next);
  }

  /**
   * A role's model at the correction it is sized with: the learned k widened by the margin for
   * single windows, or the learned k itself when no count meets the target at that margin ({@link
   * CorrectionStep.Learned#unattainable}).
   */
  private record Sized(RoleModel model, CorrectionStep.Learned k) {

    static Sized of(
        CorrectionStep.Learned learned, LoadForecast forecast, DoubleFunction<RoleModel> model) {
      CorrectionStep.Learned k = learned.sizedFor(forecast.quantile(), forecast.peakMargin());
      RoleModel m = model.apply(k.sizingCorrection());
      if (!m.reachable() && k.sizingCorrection() > learned.sizingCorrection()) {
        k = learned.unattainable();
        m = model.apply(k.sizingCorrection());
      }
      return new Sized(m, k);
    }
  }

  /**
   * Adds {@code role} when it is not due and its current count is predicted to miss its target at
   * the forecast peak: the roles that may scale up before their interval ({@link Settling}). A due
   * role is decided anyway, so its prediction is not computed here.
   */
  private static void addIfMissingWhileNotDue(
      PlannerInput in, Role role, RoleModel model, Set<Role> missing) {
    if (!in.isDue(role)
        && model.predictMillis(in.replicas().of(role).desired()) > in.targetMillis(role)) {
      missing.add(role);
    }
  }

  private static RoleDecision engineDecision(
      PlannerInput in,
      Role role,
      Targets targets,
      Map<Role, Stabilised> settled,
      RoleModel model,
      LoadForecast forecast,
      CorrectionStep.Learned correction) {
    ScaledRole scaled =
        role == Role.PREFILL
            ? in.deployment().policy().roles().prefill()
            : in.deployment().policy().roles().decode();
    Stabilised s = settled.get(role);
    double predicted = model.predictMillis(s.desired());
    Explanation predictedWhy =
        new Explanation(
            Reason.PREDICTED,
            Format.f(
                "%s at %d engine%s and %s req/s (%s) %s",
                Format.ms(predicted),
                s.desired(),
                s.desired() == 1 ? "" : "s",
                Format.num(forecast.peakRate()),
                model.objective(),
                predicted <= in.targetMillis(role) ? "meets it" : "MISSES it"));
    return new RoleDecision(
        role,
        scaled.gpusPerReplica(),
        in.replicas().of(role).desired(),
        targets.of(role),
        targets.why(role),
        s.desired(),
        s.why(),
        predicted,
        predictedWhy,
        correction.history().correction(),
        correction.why());
  }

  private static RoleDecision routerDecision(
      PlannerInput in, ScaledRole role, Targets targets, Map<Role, Stabilised> settled) {
    Stabilised s = settled.get(Role.ROUTER);
    return new RoleDecision(
        Role.ROUTER,
        role.gpusPerReplica(),
        in.replicas().of(Role.ROUTER).desired(),
        targets.of(Role.ROUTER),
        targets.why(Role.ROUTER),
        s.desired(),
        s.why(),
        Double.NaN,
        new Explanation(Reason.PREDICTED, "routers are sized by request rate; no latency model"),
        1.0,
        new Explanation(Reason.CORRECTION, "routers are not corrected"));
  }

  private static Explanation gpus(PlannerInput in, List<RoleDecision> all) {
    StringBuilder sum = new StringBuilder();
    int total = 0;
    int draining = 0;
    for (RoleDecision d : all) {
      if (sum.length() > 0) {
        sum.append(" + ");
      }
      sum.append(d.role().yamlName()).append(' ').append(d.desired()).append('×');
      sum.append(d.gpusPerReplica());
      total += d.desiredGpus();
      draining += in.replicas().of(d.role()).draining() * d.gpusPerReplica();
    }
    return new Explanation(
        Reason.GPU_TOTAL,
        Format.f(
            "%s = %d GPUs of the budget of %d (%s)%s",
            sum,
            total,
            in.budgetGpus(),
            in.budgetSource(),
            draining > 0 ? "; " + draining + " more held by draining engines" : ""));
  }

  private static int totalGpus(List<RoleDecision> all) {
    int total = 0;
    for (RoleDecision d : all) {
      total += d.desiredGpus();
    }
    return total;
  }

  /** Decreases first, then increases, each in role order. */
  private static List<ReplicaChange> changes(SlaPolicy policy, List<RoleDecision> all) {
    List<ReplicaChange> decreases = new ArrayList<>();
    List<ReplicaChange> increases = new ArrayList<>();
    for (RoleDecision d : all) {
      if (d.changes()) {
        ScaledRole role =
            switch (d.role()) {
              case PREFILL -> policy.roles().prefill();
              case DECODE -> policy.roles().decode();
              case ROUTER -> policy.roles().router().orElseThrow();
            };
        ReplicaChange c = new ReplicaChange(d.role(), role.target(), d.current(), d.desired());
        (c.isDecrease() ? decreases : increases).add(c);
      }
    }
    decreases.addAll(increases);
    return decreases;
  }
}

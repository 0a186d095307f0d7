package dev.tandem.simulations.compare;

import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.hpa.HpaPolicy;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.scenario.PolicyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * "HPA (best tuned)": the strongest HPA an operator could configure for the scenario, found by
 * full-fidelity runs over targets operators actually use, every run under the scenario's {@code
 * maxReplicas} and GPU budget.
 *
 * <p>Method. Each role has its own HPA and, in this model, TTFT depends on the prefill pool and ITL
 * on the decode pool, so the roles are tuned one after the other:
 *
 * <ol>
 *   <li>decode: KV-usage target f ∈ {@link #KV_TARGETS}, plus the target an operator would derive
 *       from the profile ({@link PolicyContext#hpaKvTarget()}: 90 % of the KV usage of the largest
 *       batch meeting the ITL target at the mean context; tight ITL targets need usages far below
 *       0.5), with prefill at 4 waiting requests per engine; f* = the cheapest run whose ITL-window
 *       attainment reaches the target, else the one with the highest ITL attainment (then the
 *       cheaper);
 *   <li>prefill, with decode at f*: waiting requests per engine w ∈ {@link #WAITING_TARGETS}, and
 *       KEDA's Prometheus scaler on the policy's TTFT percentile with a Value target of {@link
 *       #TTFT_FACTORS} × the SLA's TTFT;
 *   <li>best tuned = among the prefill runs, the cheapest whose SLA attainment reaches the target,
 *       else the highest attainment (then the cheaper).
 * </ol>
 *
 * Every run is a point of the HPA frontier. 14 or 15 runs in all.
 */
public final class HpaTuning {

  /** KV-cache usage targets of the decode HPA (fractions). */
  static final double[] KV_TARGETS = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95};

  /** Waiting requests per prefill engine. */
  static final double[] WAITING_TARGETS = {2, 4, 8, 16, 32};

  /** TTFT Value targets of the KEDA variant, as multiples of the SLA's TTFT threshold. */
  static final double[] TTFT_FACTORS = {0.5, 0.75, 1.0};

  /** The prefill waiting target used while the decode target is tuned. */
  static final double WAITING_WHILE_TUNING_DECODE = 4;

  /** One setting and what it got. */
  public record Run(HpaSetting setting, RunSummary summary) {}

  /** A tuned HPA setting; {@link #policy} builds it for a context. */
  public record HpaSetting(boolean keda, double prefillTarget, double kvTarget) {

    public HpaPolicy policy(PolicyContext ctx) {
      ReplicaTargets warm = ctx.initialCounts();
      int max = ctx.config().cluster().limits().maxReplicas();
      return keda
          ? HpaPolicy.kedaTtft(
              prefillTarget,
              ctx.config().sla().ttftPercentile(),
              kvTarget,
              max,
              warm.prefill(),
              warm.decode())
          : HpaPolicy.waiting(prefillTarget, kvTarget, max, warm.prefill(), warm.decode());
    }
  }

  /** The best setting and every run made (decode runs first). */
  public record Result(Run best, List<Run> runs) {

    public List<FrontierPoint> points() {
      return runs.stream().map(r -> Evaluator.point(r.summary().policy(), r.summary())).toList();
    }
  }

  private HpaTuning() {}

  /** Tunes (memoised per context). */
  public static Result find(PolicyContext ctx) {
    return ctx.memo("hpa-tuning", () -> search(ctx));
  }

  private static Result search(PolicyContext ctx) {
    double target = ctx.targetAttainment();
    List<Run> all = new ArrayList<>();
    List<Run> decodeRuns = new ArrayList<>();
    java.util.TreeSet<Double> kvTargets = new java.util.TreeSet<>();
    for (double f : KV_TARGETS) {
      kvTargets.add(f);
    }
    kvTargets.add(ctx.hpaKvTarget());
    for (double f : kvTargets) {
      decodeRuns.add(run(ctx, new HpaSetting(false, WAITING_WHILE_TUNING_DECODE, f)));
    }
    all.addAll(decodeRuns);
    double kv = pick(decodeRuns, target, RunSummary::itlSlaAttainment).setting().kvTarget();
    List<Run> prefillRuns = new ArrayList<>();
    for (double w : WAITING_TARGETS) {
      Run same =
          w == WAITING_WHILE_TUNING_DECODE
              ? decodeRuns.stream()
                  .filter(r -> r.setting().kvTarget() == kv)
                  .findFirst()
                  .orElse(null)
              : null;
      prefillRuns.add(same != null ? same : run(ctx, new HpaSetting(false, w, kv)));
    }
    double ttft = ctx.config().sla().ttftTargetMillis();
    for (double factor : TTFT_FACTORS) {
      prefillRuns.add(run(ctx, new HpaSetting(true, Math.round(ttft * factor), kv)));
    }
    for (Run r : prefillRuns) {
      if (!all.contains(r)) {
        all.add(r);
      }
    }
    return new Result(pick(prefillRuns, target, RunSummary::slaAttainment), List.copyOf(all));
  }

  private static Run run(PolicyContext ctx, HpaSetting s) {
    HpaPolicy p = s.policy(ctx);
    return new Run(s, Evaluator.run(ctx, p.name(), p));
  }

  /** The cheapest run reaching {@code target} on {@code score}, else the best score (cheaper). */
  static Run pick(List<Run> runs, double target, ToDoubleFunction<RunSummary> score) {
    Run best = null;
    for (Run r : runs) {
      double a = Evaluator.nanToZero(score.applyAsDouble(r.summary()));
      if (a >= target && (best == null || !reaches(best, target, score) || cheaper(r, best))) {
        best = r;
      }
    }
    if (best != null) {
      return best;
    }
    for (Run r : runs) {
      double a = Evaluator.nanToZero(score.applyAsDouble(r.summary()));
      double b = best == null ? -1 : Evaluator.nanToZero(score.applyAsDouble(best.summary()));
      if (best == null || a > b || (a == b && cheaper(r, best))) {
        best = r;
      }
    }
    return best;
  }

  private static boolean reaches(Run r, double target, ToDoubleFunction<RunSummary> score) {
    return Evaluator.nanToZero(score.applyAsDouble(r.summary())) >= target;
  }

  private static boolean cheaper(Run a, Run b) {
    return a.summary().gpuHours() < b.summary().gpuHours();
  }
}

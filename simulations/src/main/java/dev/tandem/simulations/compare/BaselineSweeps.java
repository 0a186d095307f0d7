package dev.tandem.simulations.compare;

import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.dynamo.DynamoSettings;
import dev.tandem.simulations.policy.dynamo.DynamoSlaPolicy;
import dev.tandem.simulations.policy.hpa.HpaPolicy;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.scenario.PolicyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each baseline swept over its own knob, one full-fidelity run per setting, giving its {@link
 * Frontier}:
 *
 * <ul>
 *   <li>{@code static}: the runs of the best-static search ({@link StaticSplitSearch});
 *   <li>{@code hpa}: (prefill waiting-requests target w, decode KV-usage target f·k) for the pairs
 *       in {@link #HPA_KNOBS}, k the scenario's derived KV target ({@link
 *       PolicyContext#hpaKvTarget()}) — low targets scale out early (costly, safe), high late;
 *   <li>{@code dynamo-sla}: (ITL target factor, load headroom on N̂) in {@link #DYNAMO_KNOBS}: a
 *       tighter ITL target buys decode headroom, the load headroom buys both roles headroom;
 *   <li>{@code oracle}: its utilisation ρ ({@link OracleSearch}).
 * </ul>
 */
public final class BaselineSweeps {

  /** (w, f) pairs of the HPA sweep. */
  static final double[][] HPA_KNOBS = {{0.25, 0.5}, {0.5, 0.75}, {1, 1}, {2, 1.5}, {4, 2}};

  /** (ITL target factor, load headroom) pairs of the reference planner's sweep. */
  static final double[][] DYNAMO_KNOBS = {
    {1.25, 0.9}, {1, 1}, {0.85, 1.15}, {0.7, 1.3}, {0.55, 1.6}
  };

  private BaselineSweeps() {}

  /** The four frontiers: static, hpa, dynamo-sla, oracle. */
  public static List<Frontier> all(PolicyContext ctx) {
    return List.of(staticSplits(ctx), hpa(ctx), dynamo(ctx), oracle(ctx));
  }

  public static Frontier staticSplits(PolicyContext ctx) {
    return Frontier.of("static", StaticSplitSearch.find(ctx).runs());
  }

  public static Frontier oracle(PolicyContext ctx) {
    return Frontier.of("oracle", OracleSearch.find(ctx).runs());
  }

  public static Frontier hpa(PolicyContext ctx) {
    return ctx.memo(
        "sweep-hpa",
        () -> {
          double k = ctx.hpaKvTarget();
          List<FrontierPoint> points = new ArrayList<>();
          for (double[] knob : HPA_KNOBS) {
            ReplicaTargets warm = ctx.initialCounts();
            HpaPolicy policy =
                new HpaPolicy(knob[0], round3(knob[1] * k), 1, 256, warm.prefill(), warm.decode());
            RunSummary s = Evaluator.run(ctx, policy.name(), policy);
            points.add(Evaluator.point(policy.name(), s));
          }
          return Frontier.of("hpa", points);
        });
  }

  public static Frontier dynamo(PolicyContext ctx) {
    return ctx.memo(
        "sweep-dynamo",
        () -> {
          ReplicaTargets warm = ctx.initialCounts();
          DynamoSettings base =
              DynamoSettings.defaults(
                      ctx.config().sla().ttftTargetMillis(), ctx.config().sla().itlTargetMillis())
                  .withInitial(warm.prefill(), warm.decode());
          List<FrontierPoint> points = new ArrayList<>();
          for (double[] knob : DYNAMO_KNOBS) {
            DynamoSettings s =
                base.withItlTarget(base.itlTargetMillis() * knob[0]).withLoadHeadroom(knob[1]);
            String label =
                String.format(
                    Locale.ROOT, "dynamo-itl%.1fms-h%.2f", s.itlTargetMillis(), s.loadHeadroom());
            RunSummary r =
                Evaluator.run(ctx, label, new DynamoSlaPolicy(ctx.config().profile(), s));
            points.add(Evaluator.point(label, r));
          }
          return Frontier.of("dynamo-sla", points);
        });
  }

  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

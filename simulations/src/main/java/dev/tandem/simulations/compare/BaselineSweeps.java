package dev.tandem.simulations.compare;

import dev.tandem.simulations.policy.dynamo.DynamoSettings;
import dev.tandem.simulations.policy.dynamo.DynamoSlaPolicy;
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
 *   <li>{@code hpa}: the runs of the HPA tuning ({@link HpaTuning}): waiting requests per prefill
 *       engine 2–32, KEDA TTFT-percentile targets, decode KV usage 0.5–0.95;
 *   <li>{@code dynamo-sla}: (ITL target factor, load headroom on N̂) in {@link #DYNAMO_KNOBS}: a
 *       tighter ITL target buys decode headroom, the load headroom buys both roles headroom;
 *   <li>{@code oracle}: its utilisation ρ ({@link OracleSearch}).
 * </ul>
 */
public final class BaselineSweeps {

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
    return ctx.memo("sweep-hpa", () -> Frontier.of("hpa", HpaTuning.find(ctx).points()));
  }

  public static Frontier dynamo(PolicyContext ctx) {
    return ctx.memo(
        "sweep-dynamo",
        () -> {
          // The reference as benchmarked, under the scenario's GPU budget (as dynamo-sla runs).
          DynamoSettings base =
              DynamoSettings.benchmarked(
                      ctx.config().sla().ttftTargetMillis(), ctx.config().sla().itlTargetMillis())
                  .withBudget(ctx.config().cluster().limits().budgetGpus());
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
}

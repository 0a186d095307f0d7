package dev.tandem.simulations.compare;

import dev.tandem.simulations.policy.StaticSplitPolicy;
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

  /**
   * The static splits' frontier by requests: GPU-hours against the share of requests that met both
   * thresholds, over every fixed split run in this context (the best-static search's and the
   * oracle's fixed splits). The lens for a scenario whose windows no policy can meet, where every
   * window-attainment comparison is at 0 %: there the search's splits are few and far apart, so the
   * splits of {@link RequestSweep} are run too. Call after {@link #all}.
   */
  public static Frontier staticByRequests(PolicyContext ctx) {
    if (!StaticSplitSearch.find(ctx).reachedTarget()) {
      RequestSweep.run(ctx);
    }
    List<FrontierPoint> points = new ArrayList<>();
    Evaluator.staticRuns(ctx)
        .forEach(
            (split, s) ->
                points.add(
                    Evaluator.requestPoint(
                        StaticSplitPolicy.name(split.prefill(), split.decode()), s)));
    return Frontier.of("static", points);
  }

  /**
   * The hindsight oracle's frontier: the SLA oracle's schedule ({@link SlaOracle}, only up to
   * {@value #SLA_ORACLE_MAX_HOURS} h of load) and, for the attainments below it, the cheapest of
   * the other schedules hindsight could choose that were run: the SLA schedule thinned by one to
   * three engines per role and interval, the utilisation-following oracle's, and every constant
   * schedule (fixed split) up to the best static split's counts, from one engine per role. Between
   * two points the frontier is their mix over time (linear), as for every family.
   */
  public static Frontier oracle(PolicyContext ctx) {
    List<FrontierPoint> points = new ArrayList<>(OracleSearch.find(ctx).runs());
    points.addAll(fixedSplitsUpToBestStatic(ctx));
    if (ctx.config().horizonMicros() <= SLA_ORACLE_MAX_HOURS * 3_600_000_000L) {
      SlaOracle.Result r = SlaOracle.find(ctx);
      points.add(r.point());
      points.addAll(r.thinned());
    }
    return Frontier.of("oracle", points);
  }

  /** Every split P ≤ P*, D ≤ D* of the best static split (P*, D*), runs memoised. */
  static List<FrontierPoint> fixedSplitsUpToBestStatic(PolicyContext ctx) {
    return ctx.memo(
        "oracle-fixed-splits",
        () -> {
          StaticSplitSearch.Result best = StaticSplitSearch.find(ctx);
          java.util.Map<String, FrontierPoint> byLabel = new java.util.LinkedHashMap<>();
          for (FrontierPoint p : best.runs()) {
            byLabel.put(p.label(), p);
          }
          for (int p = 1; p <= best.prefill(); p++) {
            for (int d = 1; d <= best.decode(); d++) {
              String label = StaticSplitPolicy.name(p, d);
              if (!byLabel.containsKey(label)) {
                byLabel.put(label, Evaluator.point(label, Evaluator.runStatic(ctx, p, d)));
              }
            }
          }
          return List.copyOf(byLabel.values());
        });
  }

  /** Longest load the SLA oracle searches, hours. */
  public static final int SLA_ORACLE_MAX_HOURS = 24;

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

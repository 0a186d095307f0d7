package dev.tandem.simulations.compare;

import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import dev.tandem.simulations.policy.oracle.LoadOutlook;
import dev.tandem.simulations.policy.oracle.OracleSizing;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.scenario.PolicyContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The best static split: the cheapest fixed (P, D) whose SLA attainment reaches the target.
 *
 * <p>Method (full-fidelity runs of the whole scenario). In this model TTFT depends only on the
 * prefill pool and ITL almost only on the decode pool, so the two counts are searched one at a time
 * on the per-role window attainment, then joined:
 *
 * <ol>
 *   <li>Hints (P_h, D_h) = the mean load's needs at 70 % utilisation ({@link OracleSizing}).
 *   <li>P* = the smallest P whose TTFT-window attainment ≥ target with D = D_h + 1 (doubling up
 *       from P_h until it holds, then bisection); D* likewise on ITL with P = P* (monotone in the
 *       count, so bisection is exact on a monotone response).
 *   <li>While the joint SLA attainment at (P*, D*) is below the target, add one engine to the role
 *       whose own attainment is lower (at most {@value #MAX_JOINT_STEPS} steps).
 *   <li>The four neighbours (P* ± 1, D*), (P*, D* ± 1) are run too, for the frontier.
 * </ol>
 *
 * If no count up to {@value #MAX_ENGINES} per role reaches the target, the best static split is the
 * cheapest run with the highest attainment seen ("the best achievable"). Every split is run as the
 * scenario's limits grant it (maxReplicas, GPU budget), so no static split exceeds what the other
 * policies may use.
 */
public final class StaticSplitSearch {

  static final int MAX_ENGINES = 256;
  static final int MAX_JOINT_STEPS = 8;

  private final PolicyContext ctx;
  private final Map<Long, RunSummary> runs = new LinkedHashMap<>();

  /** The split found and every static run made on the way (the static frontier's points). */
  public record Result(int prefill, int decode, boolean reachedTarget, List<FrontierPoint> runs) {

    public String label() {
      return prefill + "p" + decode + "d";
    }
  }

  private StaticSplitSearch(PolicyContext ctx) {
    this.ctx = ctx;
  }

  /** Searches (memoised per context). */
  public static Result find(PolicyContext ctx) {
    return ctx.memo("best-static", () -> new StaticSplitSearch(ctx).search());
  }

  private Result search() {
    double target = ctx.targetAttainment();
    LoadOutlook o = ctx.outlook();
    ReplicaTargets hint = meanNeed(o, ctx.sizing());
    ctx.log("best-static: searching around " + hint.prefill() + "p" + hint.decode() + "d");
    int decodeForPrefill = hint.decode() + 1;
    int p = smallest(hint.prefill(), n -> ttft(run(n, decodeForPrefill)) >= target);
    int d = smallest(hint.decode(), n -> itl(run(p, n)) >= target);
    int pj = p;
    int dj = d;
    for (int step = 0; step < MAX_JOINT_STEPS && sla(run(pj, dj)) < target; step++) {
      RunSummary s = run(pj, dj);
      if (ttft(s) <= itl(s) && pj < MAX_ENGINES) {
        pj++;
      } else if (dj < MAX_ENGINES) {
        dj++;
      } else {
        break;
      }
    }
    for (int[] n : new int[][] {{pj - 1, dj}, {pj + 1, dj}, {pj, dj - 1}, {pj, dj + 1}}) {
      if (n[0] >= 1 && n[1] >= 1) {
        run(n[0], n[1]);
      }
    }
    boolean reached = sla(run(pj, dj)) >= target;
    int[] best = reached ? granted(pj, dj) : bestAchievable();
    List<FrontierPoint> points = new ArrayList<>();
    runs.forEach(
        (key, s) ->
            points.add(Evaluator.point(StaticSplitPolicy.name(prefillOf(key), decodeOf(key)), s)));
    return new Result(best[0], best[1], reached, points);
  }

  /** The mean load's (P, D) at 70 % utilisation, at least 1 each. */
  static ReplicaTargets meanNeed(LoadOutlook o, OracleSizing sizing) {
    double seconds = Math.max(1, o.bins()) * (o.binMicros() / 1e6);
    double input = 0;
    double decode = 0;
    double kv = 0;
    double context = 0;
    for (int b = 0; b < o.bins(); b++) {
      input += o.inputTokens(b);
      decode += o.decodeTokens(b);
      kv += o.kvTokenSteps(b);
      context += o.meanContextTokens(b) * o.requests(b);
    }
    double meanContext = o.totalRequests() > 0 ? context / o.totalRequests() : 0;
    return sizing.size(seconds, input, decode, meanContext, kv, 0.7, 0.7);
  }

  private interface Ok {
    boolean test(int n);
  }

  /** Smallest n ≥ 1 with ok(n), searching up by doubling from {@code start}, then bisecting. */
  private static int smallest(int start, Ok ok) {
    int hi = Math.max(1, start);
    while (!ok.test(hi)) {
      if (hi >= MAX_ENGINES) {
        return MAX_ENGINES;
      }
      hi = Math.min(MAX_ENGINES, hi * 2);
    }
    int lo = 0; // ok(lo) is false or lo is 0
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (ok.test(mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private int[] bestAchievable() {
    long bestKey = -1;
    RunSummary best = null;
    for (Map.Entry<Long, RunSummary> e : runs.entrySet()) {
      RunSummary s = e.getValue();
      if (best == null
          || sla(s) > sla(best)
          || (sla(s) == sla(best) && s.gpuHours() < best.gpuHours())) {
        best = s;
        bestKey = e.getKey();
      }
    }
    return new int[] {prefillOf(bestKey), decodeOf(bestKey)};
  }

  /**
   * A split as the scenario's limits grant it ({@link
   * dev.tandem.simulations.cluster.ReplicaLimits#clamp}): a split beyond maxReplicas or the GPU
   * budget is run, labelled and reported as the split the cluster would really hold.
   */
  private int[] granted(int p, int d) {
    return ctx.config()
        .cluster()
        .limits()
        .clamp(p, d, p, d, 0, ctx.config().profile().engine().gpusPerEngine());
  }

  private RunSummary run(int p, int d) {
    int[] g = granted(p, d);
    long key = ((long) g[0] << 32) | g[1];
    RunSummary s = runs.get(key);
    if (s == null) {
      s = Evaluator.runStatic(ctx, g[0], g[1]);
      runs.put(key, s);
    }
    return s;
  }

  private static int prefillOf(long key) {
    return (int) (key >>> 32);
  }

  private static int decodeOf(long key) {
    return (int) key;
  }

  private static double sla(RunSummary s) {
    return Evaluator.nanToZero(s.slaAttainment());
  }

  private static double ttft(RunSummary s) {
    return Evaluator.nanToZero(s.ttftSlaAttainment());
  }

  private static double itl(RunSummary s) {
    return Evaluator.nanToZero(s.itlSlaAttainment());
  }
}

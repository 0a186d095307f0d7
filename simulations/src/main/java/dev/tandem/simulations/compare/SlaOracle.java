package dev.tandem.simulations.compare;

import dev.tandem.simulations.arrivals.TraceArrivals;
import dev.tandem.simulations.cluster.ReplicaLimits;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.oracle.OraclePolicy;
import dev.tandem.simulations.policy.oracle.SchedulePolicy;
import dev.tandem.simulations.report.IntervalRow;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.report.SimulationReport;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.ScenarioRunner;
import java.time.Duration;
import java.util.List;

/**
 * The hindsight SLA oracle: the cheapest per-minute prefill/decode schedule, found by search in the
 * simulator itself, that meets the SLA in every one-minute window a generous schedule meets, with
 * engines requested one start-up time ahead ({@link SchedulePolicy}), under the scenario's limits.
 *
 * <p>Search (greedy descent with local re-simulation):
 *
 * <ol>
 *   <li><b>Generous start.</b> Interval k gets the counts of the utilisation-following oracle at ρ
 *       = {@value #GENEROUS_UTILISATION} plus one engine per role, within maxReplicas and the GPU
 *       budget. One full run records which windows it meets on TTFT and on ITL: those are the
 *       windows the oracle must keep (a window even the generous schedule misses, such as one
 *       overloaded before any engine can start, is not required).
 *   <li><b>Descent start.</b> The cheapest of the utilisation-following oracle's schedules (ρ from
 *       {@value #GENEROUS_UTILISATION} to 1.3, per-interval counts) that meets every required
 *       window in a full run, else the generous one: the descent then only lowers a schedule
 *       already at or below that oracle's cost.
 *   <li><b>Prefill, interval by interval.</b> For k = 0, 1, …: the smallest P_k (bisection over [1,
 *       P_k]) such that every required TTFT window from k − 1 to k + {@value #LOOKAHEAD} is still
 *       met, re-simulating from 0 with the load cut after window k + {@value #LOOKAHEAD} (later
 *       intervals stay generous, so a backlog P_k leaves behind drains there and shows in the
 *       windows checked). Window k − 1 is checked because P_k's engines are requested during it.
 *   <li><b>Decode</b> the same on the ITL windows, with the prefill schedule found.
 *   <li><b>Repair.</b> A full run; where a required window is missed (the roles interact a little
 *       through KV transfer and admission), that interval's count of the missing role goes up by
 *       one; repeated up to {@value #MAX_REPAIRS} times.
 * </ol>
 *
 * <p><b>Optimality gap.</b> The result is a local optimum, not a proven minimum: the descent is
 * greedy in time (an early interval lowered first may force a later one up), bisection assumes a
 * window's attainment is monotone in the count, and the check stops {@value #LOOKAHEAD} windows
 * after the interval. No interval's count can be lowered by one without losing a required window in
 * the checked range (its bisection proved it), so the gap is at most the gain of moving load
 * between intervals; the descent's cost per role is ⌈log₂ P⌉ + 1 runs per interval.
 */
public final class SlaOracle {

  /** Schedule intervals and SLA windows: one minute. */
  public static final long INTERVAL_MICROS = 60_000_000L;

  /** Utilisation of the generous starting schedule. */
  static final double GENEROUS_UTILISATION = 0.4;

  /** Windows after the lowered interval that are checked. */
  static final int LOOKAHEAD = 2;

  /** Rounds of repair after the descent. */
  static final int MAX_REPAIRS = 8;

  /**
   * The schedule found, its full run, the search's cost, and the runs of the schedule thinned by
   * one, two and three engines per role and interval (floor one): cheaper schedules with lower
   * attainment, the oracle's frontier below its own attainment.
   */
  public record Result(
      int[] prefill,
      int[] decode,
      RunSummary summary,
      RunSummary generous,
      int simulations,
      List<FrontierPoint> thinned) {

    public SchedulePolicy policy(PolicyContext ctx) {
      return new SchedulePolicy(
          "oracle", prefill, decode, INTERVAL_MICROS, ctx.config().startupMicros());
    }

    public FrontierPoint point() {
      return Evaluator.point("oracle-sla", summary);
    }
  }

  private final PolicyContext ctx;
  private final int intervals;
  private final int[] prefill;
  private final int[] decode;
  private boolean[] requiredTtft;
  private boolean[] requiredItl;
  private int simulations;

  private SlaOracle(PolicyContext ctx) {
    this.ctx = ctx;
    long horizon = ctx.config().horizonMicros();
    if (horizon <= 0) {
      horizon = (long) ctx.outlook().bins() * ctx.outlook().binMicros();
    }
    this.intervals = (int) Math.max(1, (horizon + INTERVAL_MICROS - 1) / INTERVAL_MICROS);
    this.prefill = new int[intervals];
    this.decode = new int[intervals];
  }

  /** Searches (memoised per context). */
  public static Result find(PolicyContext ctx) {
    return ctx.memo("sla-oracle", () -> new SlaOracle(ctx).search());
  }

  private Result search() {
    generous();
    SimulationReport start = run(intervals);
    requiredTtft = new boolean[intervals];
    requiredItl = new boolean[intervals];
    List<IntervalRow> rows = start.series();
    for (int w = 0; w < Math.min(intervals, rows.size()); w++) {
      IntervalRow r = rows.get(w);
      requiredTtft[w] = r.slaCounted() && r.ttftMet();
      requiredItl[w] = r.slaCounted() && r.itlMet();
    }
    startFromCheapestUtilisationSchedule();
    ctx.log(
        String.format(
            java.util.Locale.ROOT,
            "oracle: generous schedule %.3f GPU-h; lowering %d intervals",
            start.summary().gpuHours(),
            intervals));
    for (int k = 0; k < intervals; k++) {
      prefill[k] = lowest(k, prefill, requiredTtft, true);
    }
    for (int k = 0; k < intervals; k++) {
      decode[k] = lowest(k, decode, requiredItl, false);
    }
    SimulationReport last = run(intervals);
    for (int round = 0; round < MAX_REPAIRS; round++) {
      boolean changed = false;
      List<IntervalRow> s = last.series();
      for (int w = 0; w < Math.min(intervals, s.size()); w++) {
        ReplicaLimits l = ctx.config().cluster().limits();
        if (requiredTtft[w] && !s.get(w).ttftMet() && prefill[w] < l.maxReplicas()) {
          prefill[w]++;
          changed = true;
        }
        if (requiredItl[w] && !s.get(w).itlMet() && decode[w] < l.maxReplicas()) {
          decode[w]++;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      last = run(intervals);
    }
    ctx.log(
        String.format(
            java.util.Locale.ROOT,
            "oracle: %d simulations, %.3f GPU-h",
            simulations,
            last.summary().gpuHours()));
    int[] p0 = prefill.clone();
    int[] d0 = decode.clone();
    List<FrontierPoint> thinned = new java.util.ArrayList<>();
    for (int j = 1; j <= 3; j++) {
      for (int k = 0; k < intervals; k++) {
        prefill[k] = Math.max(1, p0[k] - j);
        decode[k] = Math.max(1, d0[k] - j);
      }
      String label = "oracle-sla-minus" + j;
      thinned.add(Evaluator.point(label, run(intervals).summary()));
    }
    System.arraycopy(p0, 0, prefill, 0, intervals);
    System.arraycopy(d0, 0, decode, 0, intervals);
    return new Result(
        p0, d0, rename(last.summary()), rename(start.summary()), simulations, List.copyOf(thinned));
  }

  private static RunSummary rename(RunSummary s) {
    return new RunSummary(
        "oracle",
        s.requests(),
        s.completed(),
        s.ttftAttainment(),
        s.itlAttainment(),
        s.bothAttainment(),
        s.slaAttainment(),
        s.slaWindows(),
        s.ttftSlaAttainment(),
        s.itlSlaAttainment(),
        s.ttftP50Millis(),
        s.ttftP90Millis(),
        s.ttftP99Millis(),
        s.itlP50Millis(),
        s.itlP90Millis(),
        s.itlP99Millis(),
        s.durationSeconds(),
        s.goodputPerSecond(),
        s.gpuHours(),
        s.goodRequestsPerGpuHour(),
        s.scalingActions(),
        s.enginesRequested(),
        s.enginesRemoved(),
        s.simulatedSeconds());
  }

  /**
   * Replaces the generous counts by the cheapest utilisation-following schedule (largest ρ first)
   * that still meets every required window in a full run, if any does.
   */
  private void startFromCheapestUtilisationSchedule() {
    int[] p0 = prefill.clone();
    int[] d0 = decode.clone();
    double[] rhos = OracleSearch.UTILISATIONS;
    for (int i = rhos.length - 1; i >= 0; i--) {
      if (rhos[i] < GENEROUS_UTILISATION) {
        continue;
      }
      OraclePolicy util = OracleSearch.policy(ctx, rhos[i]);
      for (int k = 0; k < intervals; k++) {
        ReplicaTargets need = util.needBetween(k * INTERVAL_MICROS, (k + 1) * INTERVAL_MICROS);
        int[] g = within(need.prefill(), need.decode());
        prefill[k] = g[0];
        decode[k] = g[1];
      }
      List<IntervalRow> rows = run(intervals).series();
      if (meets(rows, 0, intervals - 1, requiredTtft, true)
          && meets(rows, 0, intervals - 1, requiredItl, false)) {
        return;
      }
    }
    System.arraycopy(p0, 0, prefill, 0, intervals);
    System.arraycopy(d0, 0, decode, 0, intervals);
  }

  private int[] within(int p, int d) {
    ReplicaLimits limits = ctx.config().cluster().limits();
    int engines = limits.engines(ctx.config().profile().engine().gpusPerEngine());
    int pp = Math.min(limits.maxReplicas(), p);
    int dd = Math.min(limits.maxReplicas(), d);
    while (pp + dd > engines) {
      if (pp >= dd && pp > 1) {
        pp--;
      } else {
        dd--;
      }
    }
    return new int[] {pp, dd};
  }

  /** The generous schedule: the ρ = 0.4 oracle's counts + 1, within the scenario's limits. */
  private void generous() {
    OraclePolicy util = OracleSearch.policy(ctx, GENEROUS_UTILISATION);
    ReplicaLimits limits = ctx.config().cluster().limits();
    int engines = limits.engines(ctx.config().profile().engine().gpusPerEngine());
    for (int k = 0; k < intervals; k++) {
      ReplicaTargets need = util.needOver(k * INTERVAL_MICROS);
      int p = Math.min(limits.maxReplicas(), need.prefill() + 1);
      int d = Math.min(limits.maxReplicas(), need.decode() + 1);
      while (p + d > engines) {
        if (p >= d && p > 1) {
          p--;
        } else {
          d--;
        }
      }
      prefill[k] = p;
      decode[k] = d;
    }
  }

  /** The smallest count for interval k keeping the required windows near it (bisection). */
  private int lowest(int k, int[] counts, boolean[] required, boolean ttft) {
    int from = Math.max(0, k - 1);
    int to = Math.min(intervals - 1, k + LOOKAHEAD);
    boolean any = false;
    for (int w = from; w <= to; w++) {
      any |= required[w];
    }
    if (!any) {
      return 1;
    }
    int original = counts[k];
    int lo = 1;
    int hi = original;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      counts[k] = mid;
      if (meets(run(to + 1).series(), from, to, required, ttft)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    counts[k] = original;
    return lo;
  }

  private static boolean meets(
      List<IntervalRow> rows, int from, int to, boolean[] required, boolean ttft) {
    for (int w = from; w <= to; w++) {
      if (required[w]
          && (w >= rows.size() || !(ttft ? rows.get(w).ttftMet() : rows.get(w).itlMet()))) {
        return false;
      }
    }
    return true;
  }

  /** The current schedule run with the load cut after {@code windows} windows. */
  private SimulationReport run(int windows) {
    simulations++;
    long end = windows * INTERVAL_MICROS;
    SimulationConfig config = ctx.config();
    boolean full = windows >= intervals;
    SimulationConfig c = full ? config : config.withHorizon(Duration.ofNanos(end * 1000));
    SchedulePolicy p =
        new SchedulePolicy(
            "oracle", prefill.clone(), decode.clone(), INTERVAL_MICROS, config.startupMicros());
    return ScenarioRunner.run(
        full ? ctx.arrivals() : TraceArrivals.truncated(ctx.arrivals(), end), p, c, ctx.seed());
  }
}

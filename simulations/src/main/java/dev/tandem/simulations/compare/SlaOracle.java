package dev.tandem.simulations.compare;

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
 *       window in a full run, else the generous one; or the best static split held constant ({@link
 *       StaticSplitSearch}), if it meets every required window for less. The descent then only
 *       lowers a schedule already at or below those; if it ends no cheaper than its start (repairs
 *       included), the start is the result.
 *   <li><b>Prefill, interval by interval.</b> For k = 0, 1, …: the smallest P_k (bisection over [1,
 *       P_k]) such that every required TTFT window from k − 1 to k + {@value #LOOKAHEAD} is still
 *       met (later intervals stay generous, so a backlog P_k leaves behind drains there and shows
 *       in the windows checked; window k − 1 is checked because P_k's engines are requested during
 *       it). Each candidate is judged by a <em>local run</em> ({@link LocalRuns}): only the windows
 *       from k − 1 − {@value #WARMUP} to k + {@value #LOOKAHEAD}, from a cluster warm at the
 *       schedule's counts and empty, so a search costs O(intervals × log P) short runs instead of
 *       runs from time 0 (quadratic in the scenario's length). The {@value #WARMUP} warm-up windows
 *       are simulated and not judged: what was in flight before them is gone by then.
 *   <li><b>Decode</b> the same on the ITL windows, with the prefill schedule found.
 *   <li><b>Repair.</b> A full run; where a required window is missed (the roles interact a little
 *       through KV transfer and admission, and a local run forgets what was in flight before its
 *       warm-up), that interval's count of the missing role goes up by one, and the interval before
 *       it too when the window was raised before and still misses; repeated up to {@value
 *       #MAX_REPAIRS} times.
 * </ol>
 *
 * <p><b>Optimality gap.</b> The result is a local optimum, not a proven minimum: the descent is
 * greedy in time (an early interval lowered first may force a later one up), bisection assumes a
 * window's attainment is monotone in the count, and the check stops {@value #LOOKAHEAD} windows
 * after the interval. {@link #lowerBound} measures the gap from below, independently of the search
 * (per window, the fewest ready engines that could meet it in the most favourable surroundings);
 * SIMULATOR.md gives the measured gaps ({@code SlaOracleGapMain}).
 */
public final class SlaOracle {

  /** Schedule intervals and SLA windows: one minute. */
  public static final long INTERVAL_MICROS = 60_000_000L;

  /** Utilisation of the generous starting schedule. */
  static final double GENEROUS_UTILISATION = 0.4;

  /** Windows after the lowered interval that are checked. */
  static final int LOOKAHEAD = 2;

  /** Rounds of repair after the descent. */
  static final int MAX_REPAIRS = 12;

  /**
   * Windows simulated before the first judged window of a local run (see {@link LocalRuns}): long
   * enough for what was in flight when the stretch begins to be gone (a decode lasts seconds to
   * tens of seconds, a prefill backlog under a generous schedule seconds), short next to the
   * scenario.
   */
  static final int WARMUP = 3;

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
      List<FrontierPoint> thinned,
      long simulatedWindows,
      int[] requiredTtft,
      int[] requiredItl) {

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
  private final int warmup;
  private final LocalRuns local;
  private boolean[] requiredTtft;
  private boolean[] requiredItl;
  private int simulations;

  /**
   * @param warmup windows simulated before each judged stretch, or -1 to re-simulate every
   *     candidate from time 0 (exact, quadratic in the scenario's length: for measuring what the
   *     local runs change)
   */
  SlaOracle(PolicyContext ctx, int warmup) {
    this.ctx = ctx;
    this.warmup = warmup;
    this.local = LocalRuns.of(ctx.arrivals(), ctx.seed(), INTERVAL_MICROS);
    long horizon = ctx.config().horizonMicros();
    if (horizon <= 0) {
      horizon = (long) ctx.outlook().bins() * ctx.outlook().binMicros();
    }
    this.intervals = (int) Math.max(1, (horizon + INTERVAL_MICROS - 1) / INTERVAL_MICROS);
    this.prefill = new int[intervals];
    this.decode = new int[intervals];
  }

  /** Searches (memoised per context), with local runs of {@value #WARMUP} windows' warm-up. */
  public static Result find(PolicyContext ctx) {
    return ctx.memo("sla-oracle", () -> new SlaOracle(ctx, WARMUP).search());
  }

  Result search() {
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
    SimulationReport descentStart = startFromCheapestUtilisationSchedule(start);
    int[] startP = prefill.clone();
    int[] startD = decode.clone();
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
    int[] raisedTtft = new int[intervals];
    int[] raisedItl = new int[intervals];
    for (int round = 0; round < MAX_REPAIRS; round++) {
      boolean changed = false;
      List<IntervalRow> s = last.series();
      for (int w = 0; w < Math.min(intervals, s.size()); w++) {
        if (requiredTtft[w] && !s.get(w).ttftMet()) {
          changed |= raise(prefill, w, raisedTtft[w]++);
        }
        if (requiredItl[w] && !s.get(w).itlMet()) {
          changed |= raise(decode, w, raisedItl[w]++);
        }
      }
      if (!changed) {
        break;
      }
      last = run(intervals);
    }
    List<Integer> missed = new java.util.ArrayList<>();
    List<IntervalRow> finalRows = last.series();
    for (int w = 0; w < Math.min(intervals, finalRows.size()); w++) {
      if ((requiredTtft[w] && !finalRows.get(w).ttftMet())
          || (requiredItl[w] && !finalRows.get(w).itlMet())) {
        missed.add(w);
      }
    }
    if (!missed.isEmpty()) {
      ctx.log("oracle: required windows still missed after repair: " + missed);
    }
    // The descent's start met every required window; if the result costs no less, keep the start.
    if (descentStart.summary().gpuHours() <= last.summary().gpuHours()) {
      ctx.log("oracle: the descent ended no cheaper than its start; keeping the start");
      System.arraycopy(startP, 0, prefill, 0, intervals);
      System.arraycopy(startD, 0, decode, 0, intervals);
      last = descentStart;
    }
    ctx.log(
        String.format(
            java.util.Locale.ROOT,
            "oracle: %d simulations (%d local, %d windows simulated in them), %.3f GPU-h",
            simulations + local.simulations(),
            local.simulations(),
            local.simulatedWindows(),
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
        p0,
        d0,
        rename(last.summary()),
        rename(start.summary()),
        simulations + (int) local.simulations(),
        List.copyOf(thinned),
        local.simulatedWindows() + (long) simulations * intervals,
        indices(requiredTtft),
        indices(requiredItl));
  }

  private static int[] indices(boolean[] b) {
    int n = 0;
    for (boolean x : b) {
      n += x ? 1 : 0;
    }
    int[] out = new int[n];
    int j = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i]) {
        out[j++] = i;
      }
    }
    return out;
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
  private SimulationReport startFromCheapestUtilisationSchedule(SimulationReport generous) {
    int[] p0 = prefill.clone();
    int[] d0 = decode.clone();
    SimulationReport chosen = generous;
    double[] rhos = OracleSearch.UTILISATIONS;
    for (int i = rhos.length - 1; i >= 0 && chosen == generous; i--) {
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
      SimulationReport r = run(intervals);
      if (meetsAll(r.series())) {
        chosen = r;
        p0 = prefill.clone();
        d0 = decode.clone();
      }
    }
    // A constant schedule is a schedule too: the best static split, where it meets every required
    // window for less, is the better start (a descent from a fluctuating start can end above it,
    // paying start-ups ahead at every step: azure-conv, 6.00 against 3P/3D's 5.84 GPU-h).
    StaticSplitSearch.Result best = StaticSplitSearch.find(ctx);
    int[] g = within(best.prefill(), best.decode());
    java.util.Arrays.fill(prefill, g[0]);
    java.util.Arrays.fill(decode, g[1]);
    SimulationReport constant = run(intervals);
    if (meetsAll(constant.series())
        && constant.summary().gpuHours() < chosen.summary().gpuHours()) {
      return constant;
    }
    System.arraycopy(p0, 0, prefill, 0, intervals);
    System.arraycopy(d0, 0, decode, 0, intervals);
    return chosen;
  }

  private boolean meetsAll(List<IntervalRow> rows) {
    return meets(rows, 0, intervals - 1, requiredTtft, true)
        && meets(rows, 0, intervals - 1, requiredItl, false);
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
      if (meetsLocally(from, to, required, ttft)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    counts[k] = original;
    return lo;
  }

  /**
   * Repair of a required window missed in the full run: one more engine in its interval; if it was
   * raised before and still misses, the backlog comes from earlier, so the interval before gets one
   * too. False when the limits allow nothing more.
   */
  private boolean raise(int[] counts, int w, int timesBefore) {
    int max = ctx.config().cluster().limits().maxReplicas();
    boolean changed = false;
    if (counts[w] < max) {
      counts[w]++;
      changed = true;
    }
    if (timesBefore > 0 && w > 0 && counts[w - 1] < max) {
      counts[w - 1]++;
      changed = true;
    }
    return changed;
  }

  /**
   * Whether the required windows {@code from..to} are met by the current schedule, simulating from
   * {@link #warmup} windows before {@code from} (from 0 when {@code warmup} is -1).
   */
  private boolean meetsLocally(int from, int to, boolean[] required, boolean ttft) {
    int start = warmup < 0 ? 0 : Math.max(0, from - warmup);
    List<IntervalRow> rows = local.run(start, to + 1, prefill, decode, ctx.config());
    for (int w = from; w <= to; w++) {
      int i = w - start;
      if (required[w]
          && (i >= rows.size() || !(ttft ? rows.get(i).ttftMet() : rows.get(i).itlMet()))) {
        return false;
      }
    }
    return true;
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

  /**
   * A lower bound on any schedule's engine counts, window by window, computed independently of the
   * search: for each required window w and role, the fewest ready engines of the role during
   * interval w that meet the window's percentile when every other interval has the most engines the
   * scenario's limits allow for that role (the other role at the generous counts), engines start
   * instantly (start-up 0, so interval w's count is exactly what serves it) and the system is empty
   * {@value #WARMUP} windows before w. Under the assumption the search also makes — more ready
   * engines, anywhere, never make a window worse — every schedule meeting window w has at least
   * that many ready engines in interval w: an idle start, instant engines and the most engines
   * elsewhere only help. A window not required gets 1 (every role keeps one engine). {@code
   * gpuHours} bounds what any schedule meeting the same windows pays: the bound's ready engines
   * plus each of its increases paid over min(start-up, one interval), as engines requested one
   * start-up ahead are paid while they start (draining engines, also paid, are not counted), the
   * last interval counted up to the last arrival.
   */
  public record Bound(
      int[] prefill, int[] decode, double gpuHours, long simulations, long simulatedWindows) {

    /** Σ over intervals of the bound's engines, both roles. */
    public long engineIntervals() {
      long n = 0;
      for (int k = 0; k < prefill.length; k++) {
        n += prefill[k] + decode[k];
      }
      return n;
    }
  }

  /** The lower bound (memoised per context); see {@link Bound}. */
  public static Bound lowerBound(PolicyContext ctx) {
    return ctx.memo("sla-oracle-bound", () -> new SlaOracle(ctx, WARMUP).bound());
  }

  Bound bound() {
    generous();
    List<IntervalRow> rows = run(intervals).series();
    int[] genP = prefill.clone();
    int[] genD = decode.clone();
    ReplicaLimits limits = ctx.config().cluster().limits();
    SimulationConfig instant = ctx.config().withStartup(java.time.Duration.ZERO);
    int[] lbP = new int[intervals];
    int[] lbD = new int[intervals];
    long before = local.simulations();
    long windowsBefore = local.simulatedWindows();
    for (int role = 0; role < 2; role++) {
      boolean ttft = role == 0;
      int[] capP = new int[intervals];
      int[] capD = new int[intervals];
      for (int k = 0; k < intervals; k++) {
        int[] g =
            ttft ? within(limits.maxReplicas(), genD[k]) : within(genP[k], limits.maxReplicas());
        capP[k] = g[0];
        capD[k] = g[1];
      }
      int[] counts = ttft ? capP : capD;
      int[] out = ttft ? lbP : lbD;
      for (int w = 0; w < intervals; w++) {
        IntervalRow r = w < rows.size() ? rows.get(w) : null;
        boolean required = r != null && r.slaCounted() && (ttft ? r.ttftMet() : r.itlMet());
        if (!required) {
          out[w] = 1;
          continue;
        }
        int cap = counts[w];
        int start = Math.max(0, w - WARMUP);
        int lo = 1;
        int hi = cap;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          counts[w] = mid;
          if (met(local.run(start, w + 1, capP, capD, instant), w - start, ttft)) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        if (lo == cap) {
          // Not met below the cap: check the cap itself; if even that misses, the window gives no
          // information (the generous schedule met it in another state) and the bound is 1.
          counts[w] = cap;
          if (!met(local.run(start, w + 1, capP, capD, instant), w - start, ttft)) {
            lo = 1;
          }
        }
        counts[w] = cap;
        out[w] = lo;
      }
    }
    // Paid engine-intervals: the ready engines, plus each increase paid over its start-up (at most
    // one interval's worth: a trajectory above the bound that avoided an increase by holding
    // engines through a dip pays at least an interval per engine). Lowering any trajectory at or
    // above the bound towards it never raises this sum, so the bound's own trajectory minimises it.
    // The last interval counts only up to the last arrival: no run of this load ends before it
    // (the Azure hours end a minute or two before their last whole interval).
    double rise = Math.min(1.0, ctx.config().startupMicros() / (double) INTERVAL_MICROS);
    double engines = 0;
    for (int k = 0; k < intervals; k++) {
      double part =
          Math.max(
              0,
              Math.min(
                  1.0,
                  (local.lastArrivalMicros() - k * INTERVAL_MICROS) / (double) INTERVAL_MICROS));
      engines += part * (lbP[k] + lbD[k]);
      if (k > 0 && part > 0) {
        engines += rise * (Math.max(0, lbP[k] - lbP[k - 1]) + Math.max(0, lbD[k] - lbD[k - 1]));
      }
    }
    double gpuHours =
        engines * ctx.config().profile().engine().gpusPerEngine() * (INTERVAL_MICROS / 3.6e9);
    return new Bound(
        lbP,
        lbD,
        gpuHours,
        local.simulations() - before + simulations,
        local.simulatedWindows() - windowsBefore + (long) simulations * intervals);
  }

  private static boolean met(List<IntervalRow> rows, int i, boolean ttft) {
    return i < rows.size() && (ttft ? rows.get(i).ttftMet() : rows.get(i).itlMet());
  }

  /** The current schedule over the whole scenario. */
  private SimulationReport run(int windows) {
    if (windows != intervals) {
      throw new IllegalArgumentException("full runs only: " + windows + " of " + intervals);
    }
    simulations++;
    SchedulePolicy p =
        new SchedulePolicy(
            "oracle",
            prefill.clone(),
            decode.clone(),
            INTERVAL_MICROS,
            ctx.config().startupMicros());
    return ScenarioRunner.run(ctx.arrivals(), p, ctx.config(), ctx.seed());
  }
}

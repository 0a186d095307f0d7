package dev.tandem.simulations.compare;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.catalog.ScenarioCatalog;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.Scenario;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures the SLA oracle's search and its optimality gap on one scenario (not a test: a benchmark
 * printing numbers for SIMULATOR.md). Arguments: scenario name, load length in minutes (0: the
 * scenario's own, as {@code tandem simulate} runs it), seed, and {@code exact} to also run the
 * search re-simulating every candidate from time 0.
 *
 * <p>Prints, per search: GPU-hours and SLA attainment of the schedule's full run, the schedule's
 * engine-intervals (Σ over intervals of prefill + decode counts), runs, simulated windows and wall
 * seconds; then the lower bound ({@link SlaOracle#lowerBound}) in engine-intervals and GPU-hours.
 */
public final class SlaOracleGapMain {

  private SlaOracleGapMain() {}

  public static void main(String[] args) {
    String name = args[0];
    int minutes = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    boolean exact = args.length > 3 && args[3].equals("exact");
    boolean exhaustive = args.length > 3 && args[3].equals("exhaustive");
    Scenario s =
        ScenarioCatalog.build(
            name,
            new ScenarioCatalog.Options(
                TestProfiles.h200(),
                Optional.of(TestProfiles.root().resolve("data/traces")),
                seed,
                Optional.empty(),
                minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty(),
                Optional.empty()));
    System.out.printf(Locale.ROOT, "scenario %s, %d min, seed %d%n", name, minutes, seed);
    if (exact) {
      report("exact", () -> new SlaOracle(context(s), -1).search());
    }
    SlaOracle.Result local =
        report("local", () -> new SlaOracle(context(s), SlaOracle.WARMUP).search());
    if (exhaustive) {
      exhaustive(context(s), local);
    }
    long t0 = System.nanoTime();
    SlaOracle.Bound b = new SlaOracle(context(s), SlaOracle.WARMUP).bound();
    double secs = (System.nanoTime() - t0) / 1e9;
    long sched = engineIntervals(local);
    PolicyContext ctx = context(s);
    java.util.List<dev.tandem.simulations.report.IntervalRow> rows =
        dev.tandem.simulations.scenario.ScenarioRunner.run(
                ctx.arrivals(), local.policy(ctx), ctx.config(), ctx.seed())
            .series();
    long ready = 0;
    int below = 0;
    for (int k = 0; k < b.prefill().length && k < rows.size(); k++) {
      var r = rows.get(k);
      ready += r.prefillReady() + r.decodeReady();
      if (r.prefillReady() < b.prefill()[k] || r.decodeReady() < b.decode()[k]) {
        below++;
        System.out.printf(
            Locale.ROOT,
            "  window %d: oracle ready %dP/%dD below the bound %dP/%dD%n",
            k,
            r.prefillReady(),
            r.decodeReady(),
            b.prefill()[k],
            b.decode()[k]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "bound: %d engine-intervals, %.3f GPU-h; %d runs, %d windows simulated, %.1f s%n",
        b.engineIntervals(),
        b.gpuHours(),
        b.simulations(),
        b.simulatedWindows(),
        secs);
    System.out.printf(
        Locale.ROOT,
        "gap (local search): ready %d (schedule's own counts %d) / bound %d engine-intervals ="
            + " %.3f, %d windows below the bound; GPU-h %.3f / %.3f = %.3f%n",
        ready,
        sched,
        b.engineIntervals(),
        ready / (double) b.engineIntervals(),
        below,
        local.summary().gpuHours(),
        b.gpuHours(),
        local.summary().gpuHours() / b.gpuHours());
  }

  /**
   * Every schedule of one role with the other held at the oracle's counts, each interval from 1 to
   * the oracle's count + 2: the cheapest full run meeting every required window of the role,
   * against the oracle's. Only for a few intervals (the product of the ranges is the run count).
   */
  private static void exhaustive(PolicyContext ctx, SlaOracle.Result oracle) {
    int n = oracle.prefill().length;
    for (int role = 0; role < 2; role++) {
      boolean ttft = role == 0;
      int[] fixed = ttft ? oracle.decode() : oracle.prefill();
      int[] own = ttft ? oracle.prefill() : oracle.decode();
      int[] required = ttft ? oracle.requiredTtft() : oracle.requiredItl();
      int[] counts = new int[n];
      java.util.Arrays.fill(counts, 1);
      double best = Double.POSITIVE_INFINITY;
      int[] bestCounts = null;
      long runs = 0;
      long t0 = System.nanoTime();
      while (true) {
        int[] p = ttft ? counts : fixed;
        int[] d = ttft ? fixed : counts;
        var report =
            dev.tandem.simulations.scenario.ScenarioRunner.run(
                ctx.arrivals(),
                new dev.tandem.simulations.policy.oracle.SchedulePolicy(
                    "x", p, d, SlaOracle.INTERVAL_MICROS, ctx.config().startupMicros()),
                ctx.config(),
                ctx.seed());
        runs++;
        boolean ok = true;
        for (int w : required) {
          var r = report.series().get(w);
          ok &= ttft ? r.ttftMet() : r.itlMet();
        }
        if (ok && report.summary().gpuHours() < best) {
          best = report.summary().gpuHours();
          bestCounts = counts.clone();
        }
        int i = 0;
        while (i < n && counts[i] == own[i] + 2) {
          counts[i] = 1;
          i++;
        }
        if (i == n) {
          break;
        }
        counts[i]++;
      }
      System.out.printf(
          Locale.ROOT,
          "exhaustive %s (other role at the oracle's): best %.4f GPU-h %s vs the oracle's %.4f %s;"
              + " %d runs, %.1f s%n",
          ttft ? "prefill" : "decode",
          best,
          java.util.Arrays.toString(bestCounts),
          oracle.summary().gpuHours(),
          java.util.Arrays.toString(own),
          runs,
          (System.nanoTime() - t0) / 1e9);
    }
  }

  private static PolicyContext context(Scenario s) {
    return PolicyContext.of(s, 0.9, line -> System.err.println(line));
  }

  private static long engineIntervals(SlaOracle.Result r) {
    long n = 0;
    for (int k = 0; k < r.prefill().length; k++) {
      n += r.prefill()[k] + r.decode()[k];
    }
    return n;
  }

  private static SlaOracle.Result report(
      String label, java.util.function.Supplier<SlaOracle.Result> search) {
    long t0 = System.nanoTime();
    SlaOracle.Result r = search.get();
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %.3f GPU-h, SLA %.1f %%, %d engine-intervals, required windows %d TTFT / %d ITL;"
            + " %d runs, %d windows simulated, %.1f s%n",
        label,
        r.summary().gpuHours(),
        100 * r.summary().slaAttainment(),
        engineIntervals(r),
        r.requiredTtft().length,
        r.requiredItl().length,
        r.simulations(),
        r.simulatedWindows(),
        secs);
    return r;
  }
}

package dev.tandem.simulations.engine;

import dev.tandem.simulations.cluster.Cluster;
import dev.tandem.simulations.metrics.LatencyHistograms;
import dev.tandem.simulations.metrics.RunTotals;
import dev.tandem.simulations.metrics.WindowRecorder;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.report.SimulationReport;

/** Turns a finished run's counters into its {@link SimulationReport}. */
final class ReportBuilder {

  private ReportBuilder() {}

  /**
   * GPU time held by the end of the warm-up ({@link SimulationConfig#measureFromMicros}), µs: per
   * engine from request to release, and the integral of GPUs held; subtracted from the run's.
   */
  record WarmUp(long perEngineGpuMicros, long integralGpuMicros) {
    static final WarmUp NONE = new WarmUp(0, 0);
  }

  static SimulationReport build(
      String policy,
      SimulationConfig config,
      long endMicros,
      long lastArrivalMicros,
      RunTotals totals,
      WindowRecorder windows,
      Cluster cluster,
      ScalingLedger ledger,
      WarmUp warmUp) {
    long requests = totals.arrived();
    long perEngine = cluster.perEngineGpuMicros(endMicros) - warmUp.perEngineGpuMicros();
    long integral = cluster.integralGpuMicros(endMicros) - warmUp.integralGpuMicros();
    double gpuHours = perEngine / 3.6e9;
    long durationMicros =
        Math.max(
            1,
            (config.horizonMicros() > 0 ? config.horizonMicros() : lastArrivalMicros)
                - config.measureFromMicros());
    double durationSeconds = durationMicros / 1e6;
    RunSummary summary =
        new RunSummary(
            policy,
            requests,
            totals.completed(),
            share(totals.ttftMet(), totals.completed()),
            share(totals.itlMet(), totals.completed()),
            share(totals.bothMet(), totals.completed()),
            share(windows.metWindows(), windows.countedWindows()),
            windows.countedWindows(),
            share(windows.ttftMetWindows(), windows.countedWindows()),
            share(windows.itlMetWindows(), windows.countedWindows()),
            LatencyHistograms.percentileMillis(totals.ttft(), 50),
            LatencyHistograms.percentileMillis(totals.ttft(), 90),
            LatencyHistograms.percentileMillis(totals.ttft(), 99),
            LatencyHistograms.percentileMillis(totals.itl(), 50),
            LatencyHistograms.percentileMillis(totals.itl(), 90),
            LatencyHistograms.percentileMillis(totals.itl(), 99),
            durationSeconds,
            totals.bothMet() / durationSeconds,
            gpuHours,
            gpuHours > 0 ? totals.bothMet() / gpuHours : Double.NaN,
            ledger.actions,
            ledger.requested,
            ledger.removed,
            endMicros / 1e6);
    return new SimulationReport(
        summary, windows.rows(), perEngine, integral, totals.firstTokens(), totals.beyondProfile());
  }

  private static double share(long part, long whole) {
    return whole > 0 ? part / (double) whole : Double.NaN;
  }
}

package dev.tandem.simulations.report;

import java.util.List;

/**
 * Everything one run produced: the summary row, the per-interval series, and the conservation
 * checks' raw numbers (kept so a test, or a doubting reader, can recompute them).
 *
 * @param summary the table row
 * @param series one row per window
 * @param gpuMicrosPerEngine Σ over engines of GPUs × lifetime, GPU·µs
 * @param gpuMicrosIntegral ∫ GPUs held dt over the run, GPU·µs
 * @param firstTokens requests that received a first token
 * @param beyondProfile the load past the profile's measured range
 */
public record SimulationReport(
    RunSummary summary,
    List<IntervalRow> series,
    long gpuMicrosPerEngine,
    long gpuMicrosIntegral,
    long firstTokens,
    BeyondProfile beyondProfile) {

  public SimulationReport {
    series = List.copyOf(series);
  }

  /** A report without a measured-range count (tests that build one by hand). */
  public SimulationReport(
      RunSummary summary,
      List<IntervalRow> series,
      long gpuMicrosPerEngine,
      long gpuMicrosIntegral,
      long firstTokens) {
    this(
        summary,
        series,
        gpuMicrosPerEngine,
        gpuMicrosIntegral,
        firstTokens,
        new BeyondProfile(0, 0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
  }
}

package dev.tandem.simulations.metrics;

import org.HdrHistogram.Histogram;

/**
 * Whole-run request counts and latency histograms (HdrHistogram, 3 significant digits, µs).
 * Per-request attainment compares each request's exact TTFT and ITL with the thresholds ({@code
 * ≤}); a request with no inter-token gap (OSL ≤ 1) meets the ITL threshold and adds nothing to the
 * ITL histogram.
 */
public final class RunTotals {

  private final SlaTargets sla;
  private final Histogram ttft = LatencyHistograms.create(3);
  private final Histogram itl = LatencyHistograms.create(3);
  private long arrived;
  private long firstTokens;
  private long completed;
  private long ttftMet;
  private long itlMet;
  private long bothMet;
  private double measuredIsl = Double.POSITIVE_INFINITY;
  private double measuredContext = Double.POSITIVE_INFINITY;
  private long promptsBeyond;
  private long contextsBeyond;

  public RunTotals(SlaTargets sla) {
    this.sla = sla;
  }

  /** Counts, from now on, the requests past the profile's largest measured ISL and context. */
  public RunTotals measuredUpTo(double isl, double context) {
    this.measuredIsl = isl;
    this.measuredContext = context;
    return this;
  }

  /** An arrival of {@code isl} prompt and {@code osl} output tokens. */
  public void arrival(int isl, int osl) {
    arrival();
    if (isl > measuredIsl) {
      promptsBeyond++;
    }
    if (isl + osl / 2.0 > measuredContext) {
      contextsBeyond++;
    }
  }

  /** The run's load past the measured range. */
  public dev.tandem.simulations.report.BeyondProfile beyondProfile() {
    return new dev.tandem.simulations.report.BeyondProfile(
        arrived, promptsBeyond, contextsBeyond, measuredIsl, measuredContext);
  }

  public void arrival() {
    arrived++;
  }

  public void firstToken(long ttftMicros) {
    firstTokens++;
    LatencyHistograms.record(ttft, ttftMicros);
  }

  /**
   * A completed request.
   *
   * @param ttftMicros its TTFT, µs
   * @param itlMicros its mean inter-token gap, µs (may be fractional), or negative when OSL ≤ 1
   */
  public void completion(long ttftMicros, double itlMicros) {
    completed++;
    boolean t = ttftMicros <= sla.ttftTargetMicros();
    boolean i = itlMicros < 0 || itlMicros <= sla.itlTargetMicros();
    if (itlMicros >= 0) {
      LatencyHistograms.record(itl, Math.round(itlMicros));
    }
    if (t) {
      ttftMet++;
    }
    if (i) {
      itlMet++;
    }
    if (t && i) {
      bothMet++;
    }
  }

  public long arrived() {
    return arrived;
  }

  public long firstTokens() {
    return firstTokens;
  }

  public long completed() {
    return completed;
  }

  public long ttftMet() {
    return ttftMet;
  }

  public long itlMet() {
    return itlMet;
  }

  public long bothMet() {
    return bothMet;
  }

  public Histogram ttft() {
    return ttft;
  }

  public Histogram itl() {
    return itl;
  }
}

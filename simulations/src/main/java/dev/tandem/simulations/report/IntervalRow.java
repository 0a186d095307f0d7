package dev.tandem.simulations.report;

/**
 * One window of the per-interval time series (one minute unless configured otherwise). Latencies
 * are those <em>observed</em> in the window, as a monitoring system sees them: a TTFT when the
 * first token is sent, an ITL when the request completes. Percentiles are NaN when nothing was
 * observed. Replica counts are taken at the window's end; GPUs are the time average over it.
 *
 * @param startSeconds window start, s of simulated time
 * @param endSeconds window end, s
 * @param arrivals requests that arrived in the window
 * @param inputTokens Σ ISL of the window's arrivals, tokens (the prefill load)
 * @param outputTokens Σ OSL of the window's arrivals, tokens (the decode load)
 * @param completions requests that completed in the window
 * @param ttftP50Millis TTFT p50, ms
 * @param ttftP90Millis TTFT p90, ms
 * @param ttftP99Millis TTFT p99, ms
 * @param itlP50Millis ITL p50, ms
 * @param itlP90Millis ITL p90, ms
 * @param itlP99Millis ITL p99, ms
 * @param slaCounted true when the window observed at least one TTFT or ITL (only such windows count
 *     towards SLA attainment)
 * @param slaMet true when every percentile target held: the TTFT at the SLA's TTFT percentile ≤ its
 *     target (or no TTFT observed) and likewise for ITL
 * @param ttftMet counted and the TTFT percentile held (the prefill side of {@code slaMet})
 * @param itlMet counted and the ITL percentile held (the decode side)
 * @param prefillReady prefill engines ready at the end
 * @param prefillStarting prefill engines starting
 * @param prefillDraining prefill engines draining
 * @param decodeReady decode engines ready
 * @param decodeStarting decode engines starting
 * @param decodeDraining decode engines draining
 * @param gpusAverage mean GPUs held over the window
 */
public record IntervalRow(
    double startSeconds,
    double endSeconds,
    long arrivals,
    long inputTokens,
    long outputTokens,
    long completions,
    double ttftP50Millis,
    double ttftP90Millis,
    double ttftP99Millis,
    double itlP50Millis,
    double itlP90Millis,
    double itlP99Millis,
    boolean slaCounted,
    boolean slaMet,
    boolean ttftMet,
    boolean itlMet,
    int prefillReady,
    int prefillStarting,
    int prefillDraining,
    int decodeReady,
    int decodeStarting,
    int decodeDraining,
    double gpusAverage) {

  /** Arrivals per second over the window. */
  public double arrivalRatePerSecond() {
    return arrivals / (endSeconds - startSeconds);
  }

  /** Prompt tokens arriving per second over the window (prefill demand), tokens/s. */
  public double inputTokensPerSecond() {
    return inputTokens / (endSeconds - startSeconds);
  }

  /** Output tokens arriving per second over the window (decode demand), tokens/s. */
  public double outputTokensPerSecond() {
    return outputTokens / (endSeconds - startSeconds);
  }
}

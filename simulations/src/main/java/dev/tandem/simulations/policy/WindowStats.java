package dev.tandem.simulations.policy;

/**
 * Rates and moments over an observation window, as a Prometheus range query would return them. ISL
 * statistics come from arrivals (the prompt length is known on arrival); OSL statistics, durations,
 * and ITL from completions (the output length is known only at the end); TTFT from first tokens.
 * Means of an empty set are NaN.
 *
 * @param windowMicros the time the window covers (shorter than asked early in a run), µs
 * @param arrivals requests that arrived in the window
 * @param inputTokensMean E[ISL], tokens
 * @param inputTokensSecondMoment E[ISL²], tokens²
 * @param arrivalCv2 arrival burstiness at a prefill queue's time scale, from the Allan factor of 10
 *     s arrival counts over the last 10 minutes (1 for Poisson; see {@code ArrivalDispersion})
 * @param completions requests completed in the window
 * @param outputTokensMean E[OSL] of completions, tokens
 * @param outputTokensSecondMoment E[OSL²] of completions, tokens²
 * @param requestDurationMeanSeconds mean arrival-to-completion time of completions, s
 * @param ttft time to first token of requests whose first token was sent in the window
 * @param itl per-request mean inter-token latency of completions
 */
public record WindowStats(
    long windowMicros,
    long arrivals,
    double inputTokensMean,
    double inputTokensSecondMoment,
    double arrivalCv2,
    long completions,
    double outputTokensMean,
    double outputTokensSecondMoment,
    double requestDurationMeanSeconds,
    LatencyStats ttft,
    LatencyStats itl) {

  /** Arrivals per second over the window; NaN when the window is empty. */
  public double arrivalRatePerSecond() {
    return windowMicros > 0 ? arrivals / (windowMicros / 1e6) : Double.NaN;
  }
}

package dev.tandem.simulations.policy;

/**
 * Per-engine gauges as scraped from the ready engines (starting engines export nothing yet,
 * draining ones are excluded like pods being deleted), at the last scrape the observation can see.
 *
 * @param prefillReporting ready prefill engines that reported
 * @param prefillWaiting requests queued on them, not yet in a batch (vLLM {@code
 *     num_requests_waiting})
 * @param prefillRunning requests in the batches they were serving
 * @param decodeReporting ready decode engines that reported
 * @param decodeWaiting requests waiting for KV space on them
 * @param decodeRunning sequences in their batches
 * @param decodeKvUsageSum sum over them of KV tokens held ÷ capacity (vLLM {@code
 *     gpu_cache_usage_perc}, a fraction)
 */
public record EngineGauges(
    int prefillReporting,
    long prefillWaiting,
    long prefillRunning,
    int decodeReporting,
    long decodeWaiting,
    long decodeRunning,
    double decodeKvUsageSum) {

  /** Nothing reported yet. */
  public static final EngineGauges NONE = new EngineGauges(0, 0, 0, 0, 0, 0, 0);

  /** Mean waiting requests per reporting prefill engine; NaN when none reported. */
  public double prefillWaitingPerEngine() {
    return prefillReporting > 0 ? (double) prefillWaiting / prefillReporting : Double.NaN;
  }

  /** Mean KV usage per reporting decode engine, fraction; NaN when none reported. */
  public double decodeKvUsagePerEngine() {
    return decodeReporting > 0 ? decodeKvUsageSum / decodeReporting : Double.NaN;
  }
}

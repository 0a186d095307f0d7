package dev.tandem.simulations.policy;

/**
 * What a scaling policy sees at a decision: what Prometheus would report and what the Kubernetes
 * API says about the replicas.
 *
 * <p>Metrics lag: the simulator scrapes every scrape interval, and a decision at {@code t} sees
 * only scrapes at or before {@code t − scrape delay}; {@link #dataAsOfMicros} is the last of them
 * (−1 when none yet). The window covers the scrape intervals ending in {@code (dataAsOf − window,
 * dataAsOf]}. Replica counts are current.
 *
 * @param timeMicros the decision time, µs
 * @param dataAsOfMicros time of the newest scrape in view, µs, or −1
 * @param window rates, moments and latencies over the policy's window
 * @param gauges per-engine gauges at {@code dataAsOfMicros}
 * @param prefill prefill engines by state, now
 * @param decode decode engines by state, now
 */
public record ClusterObservation(
    long timeMicros,
    long dataAsOfMicros,
    WindowStats window,
    EngineGauges gauges,
    ReplicaCounts prefill,
    ReplicaCounts decode) {

  /** True when at least one scrape is in view. */
  public boolean hasData() {
    return dataAsOfMicros >= 0;
  }
}

package dev.tandem.simulations.tandem;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.EngineGauges;
import dev.tandem.simulations.policy.LatencyStats;
import dev.tandem.simulations.policy.WindowStats;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns what the simulator's Prometheus view shows ({@link ClusterObservation}) into the planner's
 * {@link MetricsSnapshot}, with the health a Prometheus adapter would give each value:
 *
 * <ul>
 *   <li>no scrape in view yet → every value MISSING;
 *   <li>the newest scrape in view is older than the window (no sample of the window is fresh) → the
 *       windowed values STALE;
 *   <li>arrival rate = arrivals ÷ window seconds (a healthy 0 when nothing arrived: zero traffic is
 *       real); E[ISL], E[ISL²] from the window's arrivals, MISSING when there were none (0/0);
 *       arrival burstiness from the Allan factor of 10 s arrival counts over 10 minutes, as the
 *       Prometheus reader computes it, MISSING with fewer than three differences;
 *   <li>E[OSL], E[OSL²] from the window's completions, MISSING when none completed;
 *   <li>TTFT / ITL at the policy's percentiles from the window's histograms, MISSING when the
 *       window holds no first token / no completion — never 0;
 *   <li>KV usage = mean over reporting decode engines; queue depth = prefill + decode waiting
 *       requests at the last scrape (gauges, window 0), MISSING when no engine reported;
 *   <li>prefix-cache hit rate MISSING: the simulator has no prefix cache.
 * </ul>
 *
 * The snapshot is taken at the decision instant {@code now}, as a Prometheus query at {@code now}
 * would be; the scrape delay is already inside the observation, and the snapshot's data age says
 * how old its newest scrape is ({@code now − dataAsOf}).
 */
public final class ObservationSnapshots {

  private ObservationSnapshots() {}

  /** Simulated µs since the start of the run as an instant (the epoch is the run's start). */
  public static Instant instant(long micros) {
    return Instant.EPOCH.plusNanos(micros * 1000);
  }

  public static MetricsSnapshot of(
      DeploymentKey key,
      ClusterObservation o,
      double ttftPercentile,
      double itlPercentile,
      long staleAfterMicros) {
    Instant now = instant(o.timeMicros());
    MetricsSnapshot.Builder b = MetricsSnapshot.builder(key, now);
    WindowStats w = o.window();
    if (!o.hasData() || w == null || w.windowMicros() <= 0) {
      return b.build();
    }
    boolean stale = o.timeMicros() - o.dataAsOfMicros() > staleAfterMicros;
    Duration window = Duration.ofNanos(w.windowMicros() * 1000);
    b.window(window);
    b.arrivalRate(signal(w.arrivalRatePerSecond(), window, stale));
    Signal islMean = signal(w.arrivals() > 0 ? w.inputTokensMean() : Double.NaN, window, stale);
    Signal islM2 =
        signal(w.arrivals() > 0 ? w.inputTokensSecondMoment() : Double.NaN, window, stale);
    Signal oslMean = signal(w.completions() > 0 ? w.outputTokensMean() : Double.NaN, window, stale);
    Signal oslM2 =
        signal(w.completions() > 0 ? w.outputTokensSecondMoment() : Double.NaN, window, stale);
    b.ttftPercentileMillis(latency(w.ttft(), ttftPercentile, window, stale));
    b.itlPercentileMillis(latency(w.itl(), itlPercentile, window, stale));
    MetricsSnapshot partial = b.build();
    EngineGauges g = o.gauges();
    int reporting = g.prefillReporting() + g.decodeReporting();
    return new MetricsSnapshot(
        key,
        now,
        partial.arrivalRate(),
        islMean,
        islM2,
        oslMean,
        oslM2,
        signal(w.arrivalCv2(), window, stale),
        partial.ttftPercentileMillis(),
        partial.itlPercentileMillis(),
        signal(g.decodeKvUsagePerEngine(), Duration.ZERO, stale),
        signal(
            reporting > 0 ? g.prefillWaiting() + g.decodeWaiting() : Double.NaN,
            Duration.ZERO,
            stale),
        Signal.missing(window),
        Duration.ofNanos(Math.max(0, o.timeMicros() - o.dataAsOfMicros()) * 1000));
  }

  private static Signal latency(LatencyStats s, double percentile, Duration w, boolean stale) {
    return signal(
        s == null || s.count() == 0 ? Double.NaN : s.percentileMillis(percentile), w, stale);
  }

  private static Signal signal(double v, Duration window, boolean stale) {
    Signal s = Signal.of(v, window);
    return stale && s.isOk() ? Signal.stale(v, window) : s;
  }
}

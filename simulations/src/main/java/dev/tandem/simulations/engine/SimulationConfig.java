package dev.tandem.simulations.engine;

import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.cluster.ClusterOptions;
import dev.tandem.simulations.metrics.SlaTargets;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything about a run except the arrivals and the policy.
 *
 * @param profile the engine performance profile (both roles use it)
 * @param sla thresholds and percentiles the run is judged against
 * @param startupMicros time from requesting an engine until it serves, µs
 * @param cluster batching budget, KV transfer, slowdown
 * @param scrapeMicros Prometheus scrape interval seen by policies, µs (default 5 s)
 * @param scrapeDelayMicros delay before a scrape is visible to a decision, µs (default 5 s)
 * @param seriesWindowMicros window of the time series and of SLA attainment, µs (default 60 s)
 * @param horizonMicros the load's duration for goodput and the run's minimum length, µs; 0 means
 *     the last arrival
 */
public record SimulationConfig(
    PerformanceProfile profile,
    SlaTargets sla,
    long startupMicros,
    ClusterOptions cluster,
    long scrapeMicros,
    long scrapeDelayMicros,
    long seriesWindowMicros,
    long horizonMicros) {

  public SimulationConfig {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(sla, "sla");
    Objects.requireNonNull(cluster, "cluster");
    if (startupMicros < 0) {
      throw new IllegalArgumentException("startupMicros must be >= 0, got " + startupMicros);
    }
    if (scrapeMicros <= 0 || scrapeDelayMicros < 0 || seriesWindowMicros <= 0) {
      throw new IllegalArgumentException(
          "need scrape > 0, delay >= 0, series window > 0 µs, got "
              + scrapeMicros
              + ", "
              + scrapeDelayMicros
              + ", "
              + seriesWindowMicros);
    }
    if (horizonMicros < 0) {
      throw new IllegalArgumentException("horizonMicros must be >= 0, got " + horizonMicros);
    }
  }

  /** Defaults: 5 s scrapes visible after 5 s, one-minute windows, horizon = last arrival. */
  public static SimulationConfig of(PerformanceProfile profile, SlaTargets sla, Duration startup) {
    return new SimulationConfig(
        profile,
        sla,
        micros(startup),
        ClusterOptions.DEFAULTS,
        5_000_000,
        5_000_000,
        60_000_000,
        0);
  }

  public SimulationConfig withCluster(ClusterOptions options) {
    return new SimulationConfig(
        profile,
        sla,
        startupMicros,
        options,
        scrapeMicros,
        scrapeDelayMicros,
        seriesWindowMicros,
        horizonMicros);
  }

  public SimulationConfig withHorizon(Duration horizon) {
    return new SimulationConfig(
        profile,
        sla,
        startupMicros,
        cluster,
        scrapeMicros,
        scrapeDelayMicros,
        seriesWindowMicros,
        micros(horizon));
  }

  public SimulationConfig withStartup(Duration startup) {
    return new SimulationConfig(
        profile,
        sla,
        micros(startup),
        cluster,
        scrapeMicros,
        scrapeDelayMicros,
        seriesWindowMicros,
        horizonMicros);
  }

  public SimulationConfig withScrape(Duration interval, Duration delay) {
    return new SimulationConfig(
        profile,
        sla,
        startupMicros,
        cluster,
        micros(interval),
        micros(delay),
        seriesWindowMicros,
        horizonMicros);
  }

  static long micros(Duration d) {
    return d.toNanos() / 1000;
  }
}

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
 * @param measureFromMicros the run is judged from here on, µs (0: from the start): requests that
 *     arrived before, windows that began before, GPU time held before and scaling actions taken
 *     before are a warm-up that every policy runs through and nothing reports ({@link
 *     #withWarmUp}); a whole number of series windows
 */
public record SimulationConfig(
    PerformanceProfile profile,
    SlaTargets sla,
    long startupMicros,
    ClusterOptions cluster,
    long scrapeMicros,
    long scrapeDelayMicros,
    long seriesWindowMicros,
    long horizonMicros,
    long measureFromMicros) {

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
    if (measureFromMicros < 0 || measureFromMicros % seriesWindowMicros != 0) {
      throw new IllegalArgumentException(
          "measureFromMicros must be a whole number >= 0 of series windows ("
              + seriesWindowMicros
              + " µs), got "
              + measureFromMicros);
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
        0,
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
        horizonMicros,
        measureFromMicros);
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
        micros(horizon),
        measureFromMicros);
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
        horizonMicros,
        measureFromMicros);
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
        horizonMicros,
        measureFromMicros);
  }

  /**
   * This configuration after a warm-up of {@code warmUp}: the horizon grows by it and the run is
   * judged from its end on ({@code measureFromMicros}).
   */
  public SimulationConfig withWarmUp(Duration warmUp) {
    long w = micros(warmUp);
    return new SimulationConfig(
        profile,
        sla,
        startupMicros,
        cluster,
        scrapeMicros,
        scrapeDelayMicros,
        seriesWindowMicros,
        horizonMicros > 0 ? horizonMicros + w : 0,
        measureFromMicros + w);
  }

  /** This configuration judged from its start (a slice of a run that had a warm-up). */
  public SimulationConfig judgedFromStart() {
    return new SimulationConfig(
        profile,
        sla,
        startupMicros,
        cluster,
        scrapeMicros,
        scrapeDelayMicros,
        seriesWindowMicros,
        horizonMicros,
        0);
  }

  static long micros(Duration d) {
    return d.toNanos() / 1000;
  }
}

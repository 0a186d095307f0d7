package dev.tandem.simulations.metrics;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.metrics.QueueScaleBurstiness;
import dev.tandem.simulations.cluster.Cluster;
import dev.tandem.simulations.cluster.DecodeEngine;
import dev.tandem.simulations.cluster.EngineState;
import dev.tandem.simulations.cluster.PrefillEngine;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.EngineGauges;
import dev.tandem.simulations.policy.ReplicaCounts;
import dev.tandem.simulations.policy.WindowStats;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What a Prometheus server scraping the cluster every {@code scrapeMicros} would hold: a ring of
 * scrape intervals, each with the counters accumulated in it (arrivals, ISL and inter-arrival
 * moments, completions, OSL moments, durations, TTFT/ITL sums and histograms) and the gauges read
 * at its end. A decision at {@code t} sees the intervals whose end is at or before {@code t −
 * delayMicros} (scrape delay, rule evaluation, query latency).
 */
public final class PrometheusView {

  /**
   * The shortest τ of the arrival dispersion: the Prometheus reader's default ({@code
   * PrometheusSettings}). Like the reader, the view counts per the smallest whole number of scrape
   * intervals at least this long ({@code CountingInterval}): 10 s at the default 5 s scrape.
   */
  static final long DISPERSION_TAU_MICROS = 10_000_000;

  /** How far back the arrival dispersion looks: the Prometheus reader's default. */
  static final long DISPERSION_RANGE_MICROS = 600_000_000;

  private final long scrapeMicros;
  private final long countingMicros;
  private final long delayMicros;
  private final ScrapeSlot[] ring;
  private int current;
  private long currentEnd;
  private long closedCount;
  private final ArrivalDispersion dispersion;
  private final Histogram mergeTtft = LatencyHistograms.create(2);
  private final Histogram mergeItl = LatencyHistograms.create(2);

  /**
   * @param scrapeMicros scrape interval, µs
   * @param delayMicros how long after a scrape its data become visible, µs
   * @param longestWindowMicros the longest window any decision will ask for, µs
   */
  public PrometheusView(long scrapeMicros, long delayMicros, long longestWindowMicros) {
    if (scrapeMicros <= 0 || delayMicros < 0 || longestWindowMicros <= 0) {
      throw new IllegalArgumentException(
          "need scrape > 0, delay >= 0 and window > 0 µs, got "
              + scrapeMicros
              + ", "
              + delayMicros
              + ", "
              + longestWindowMicros);
    }
    this.scrapeMicros = scrapeMicros;
    this.delayMicros = delayMicros;
    int slots = (int) ((longestWindowMicros + delayMicros) / scrapeMicros) + 3;
    this.ring = new ScrapeSlot[slots];
    for (int i = 0; i < slots; i++) {
      ring[i] = new ScrapeSlot();
    }
    this.currentEnd = scrapeMicros;
    this.countingMicros =
        scrapeMicros * ((DISPERSION_TAU_MICROS + scrapeMicros - 1) / scrapeMicros);
    this.dispersion = new ArrivalDispersion(countingMicros, DISPERSION_RANGE_MICROS, delayMicros);
  }

  /** The interval arrivals are counted per for the burstiness: whole scrapes, at least 10 s. */
  long countingMicros() {
    return countingMicros;
  }

  /** An arrival now ({@link #closeUpTo} has taken the scrapes due before it). */
  public void arrival(int inputTokens) {
    ScrapeSlot s = ring[current];
    s.sums.arrivals++;
    s.sums.sumIsl += inputTokens;
    s.sums.sumIsl2 += (double) inputTokens * inputTokens;
    dispersion.arrival();
  }

  public void firstToken(long ttftMicros) {
    ScrapeSlot s = ring[current];
    s.sums.ttftCount++;
    s.sums.sumTtft += ttftMicros;
    LatencyHistograms.record(s.ttft, ttftMicros);
  }

  /** A completion; {@code itlMicros < 0} when the request had no inter-token gap. */
  public void completion(int outputTokens, long durationMicros, double itlMicros) {
    ScrapeSlot s = ring[current];
    s.sums.completions++;
    s.sums.sumOsl += outputTokens;
    s.sums.sumOsl2 += (double) outputTokens * outputTokens;
    s.sums.sumDuration += durationMicros;
    if (itlMicros >= 0) {
      s.sums.itlCount++;
      s.sums.sumItl += itlMicros;
      LatencyHistograms.record(s.itl, Math.round(itlMicros));
    }
  }

  /** Takes every scrape due at or before {@code now} (call before processing an event at now). */
  public void closeUpTo(long now, Cluster cluster) {
    dispersion.closeUpTo(now);
    while (now >= currentEnd) {
      ScrapeSlot s = ring[current];
      s.endMicros = currentEnd;
      s.gauges = gauges(cluster, currentEnd);
      closedCount++;
      current = (current + 1) % ring.length;
      ring[current].reset();
      currentEnd += scrapeMicros;
    }
  }

  private static EngineGauges gauges(Cluster cluster, long at) {
    int pReporting = 0;
    long pWaiting = 0;
    long pRunning = 0;
    for (PrefillEngine e : cluster.prefillEngines()) {
      if (e.state() == EngineState.READY) {
        pReporting++;
        pWaiting += e.waiting();
        pRunning += e.inService();
      }
    }
    // A shared queue's waiting requests are spread over the engines that report (a per-pod
    // average of the frontend's queue depth).
    pWaiting += pReporting > 0 ? cluster.sharedPrefillWaiting() : 0;
    int dReporting = 0;
    long dWaiting = 0;
    long dRunning = 0;
    double kv = 0;
    for (DecodeEngine e : cluster.decodeEngines()) {
      if (e.state() == EngineState.READY) {
        dReporting++;
        dWaiting += e.waitingCount();
        dRunning += e.running();
        kv += e.kvUsage(at);
      }
    }
    return new EngineGauges(pReporting, pWaiting, pRunning, dReporting, dWaiting, dRunning, kv);
  }

  /** The observation a decision at {@code now} sees over {@code windowMicros}. */
  public ClusterObservation observe(long now, long windowMicros, Cluster cluster) {
    long asOf = now - delayMicros;
    long newestEnd = -1;
    EngineGauges gauges = EngineGauges.NONE;
    long oldestStart = Long.MAX_VALUE;
    WindowSums acc = new WindowSums();
    mergeTtft.reset();
    mergeItl.reset();
    int closed = (int) Math.min(closedCount, ring.length - 1);
    for (int k = 1; k <= closed; k++) {
      ScrapeSlot s = ring[Math.floorMod(current - k, ring.length)];
      if (s.endMicros > asOf) {
        continue;
      }
      if (newestEnd < 0) {
        newestEnd = s.endMicros;
        gauges = s.gauges;
      }
      if (s.endMicros <= newestEnd - windowMicros) {
        break;
      }
      oldestStart = s.endMicros - scrapeMicros;
      acc.add(s.sums);
      mergeTtft.add(s.ttft);
      mergeItl.add(s.itl);
    }
    long covered = newestEnd < 0 ? 0 : newestEnd - oldestStart;
    WindowStats window =
        acc.stats(
            covered,
            QueueScaleBurstiness.of(
                dispersion.allanFactor(asOf), Duration.ofNanos(countingMicros * 1000)),
            mergeTtft.copy(),
            mergeItl.copy());
    return new ClusterObservation(
        now,
        newestEnd,
        window,
        gauges,
        counts(cluster, Role.PREFILL),
        counts(cluster, Role.DECODE));
  }

  private static ReplicaCounts counts(Cluster cluster, Role role) {
    return new ReplicaCounts(
        cluster.count(role, EngineState.READY),
        cluster.count(role, EngineState.STARTING),
        cluster.count(role, EngineState.DRAINING));
  }
}

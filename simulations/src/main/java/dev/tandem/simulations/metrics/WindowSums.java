package dev.tandem.simulations.metrics;

import dev.tandem.simulations.policy.LatencyStats;
import dev.tandem.simulations.policy.WindowStats;
import org.HdrHistogram.Histogram;

/**
 * The counters Prometheus would scrape, as sums: one per scrape slot, added up over a window. Times
 * are µs; lengths are tokens.
 */
final class WindowSums {

  long arrivals;
  double sumIsl;
  double sumIsl2;
  long completions;
  double sumOsl;
  double sumOsl2;
  double sumDuration;
  long ttftCount;
  double sumTtft;
  long itlCount;
  double sumItl;

  void add(WindowSums s) {
    arrivals += s.arrivals;
    sumIsl += s.sumIsl;
    sumIsl2 += s.sumIsl2;
    completions += s.completions;
    sumOsl += s.sumOsl;
    sumOsl2 += s.sumOsl2;
    sumDuration += s.sumDuration;
    ttftCount += s.ttftCount;
    sumTtft += s.sumTtft;
    itlCount += s.itlCount;
    sumItl += s.sumItl;
  }

  void reset() {
    arrivals = 0;
    sumIsl = 0;
    sumIsl2 = 0;
    completions = 0;
    sumOsl = 0;
    sumOsl2 = 0;
    sumDuration = 0;
    ttftCount = 0;
    sumTtft = 0;
    itlCount = 0;
    sumItl = 0;
  }

  WindowStats stats(long covered, double arrivalDispersion, Histogram ttft, Histogram itl) {
    return new WindowStats(
        covered,
        arrivals,
        div(sumIsl, arrivals),
        div(sumIsl2, arrivals),
        arrivalDispersion,
        completions,
        div(sumOsl, completions),
        div(sumOsl2, completions),
        div(sumDuration, completions) / 1e6,
        new LatencyStats(ttftCount, div(sumTtft, ttftCount) / 1000.0, ttft),
        new LatencyStats(itlCount, div(sumItl, itlCount) / 1000.0, itl));
  }

  private static double div(double sum, long n) {
    return n > 0 ? sum / n : Double.NaN;
  }
}

package dev.tandem.simulations.metrics;

import dev.tandem.simulations.policy.EngineGauges;
import org.HdrHistogram.Histogram;

/** One scrape interval of {@link PrometheusView}: counters accumulated in it, gauges at its end. */
final class ScrapeSlot {

  long endMicros = -1;
  long arrivals;
  double sumIsl;
  double sumIsl2;
  long gaps;
  double sumGap;
  double sumGap2;
  long completions;
  double sumOsl;
  double sumOsl2;
  double sumDuration;
  long ttftCount;
  double sumTtft;
  long itlCount;
  double sumItl;
  final Histogram ttft = LatencyHistograms.create(2);
  final Histogram itl = LatencyHistograms.create(2);
  EngineGauges gauges = EngineGauges.NONE;

  void reset() {
    endMicros = -1;
    arrivals = 0;
    sumIsl = 0;
    sumIsl2 = 0;
    gaps = 0;
    sumGap = 0;
    sumGap2 = 0;
    completions = 0;
    sumOsl = 0;
    sumOsl2 = 0;
    sumDuration = 0;
    ttftCount = 0;
    sumTtft = 0;
    itlCount = 0;
    sumItl = 0;
    ttft.reset();
    itl.reset();
    gauges = EngineGauges.NONE;
  }
}

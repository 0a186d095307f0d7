package dev.tandem.simulations.metrics;

import dev.tandem.simulations.policy.EngineGauges;
import org.HdrHistogram.Histogram;

/** One scrape interval of {@link PrometheusView}: counters accumulated in it, gauges at its end. */
final class ScrapeSlot {

  long endMicros = -1;
  final WindowSums sums = new WindowSums();
  final Histogram ttft = LatencyHistograms.create(2);
  final Histogram itl = LatencyHistograms.create(2);
  EngineGauges gauges = EngineGauges.NONE;

  void reset() {
    endMicros = -1;
    sums.reset();
    ttft.reset();
    itl.reset();
    gauges = EngineGauges.NONE;
  }
}

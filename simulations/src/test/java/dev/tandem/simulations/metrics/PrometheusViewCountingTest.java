package dev.tandem.simulations.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator's view counts arrivals for the burstiness as the Prometheus reader does: per the
 * smallest whole number of scrape intervals that is at least 10 s.
 */
class PrometheusViewCountingTest {

  @ParameterizedTest(name = "scrape {0} ms → counted per {1} ms")
  @CsvSource({"5000, 10000", "10, 10000", "10000, 10000", "15000, 15000", "3000, 12000"})
  void countsSpanWholeScrapes(long scrapeMillis, long expectedMillis) {
    PrometheusView view = new PrometheusView(scrapeMillis * 1000, 0, 60_000_000);
    assertThat(view.countingMicros()).isEqualTo(expectedMillis * 1000);
  }
}

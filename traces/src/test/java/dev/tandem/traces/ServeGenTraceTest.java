package dev.tandem.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServeGenTraceTest {

  record Aggregate(String model, int windows, int missing, double firstRate, double lastRate) {}

  static Stream<Aggregate> aggregates() {
    return Stream.of(
        new Aggregate("m-large", 2016, 0, 212.78, 246.923),
        new Aggregate("m-mid", 2016, 84, 986.565, 1199.48),
        new Aggregate("m-small", 2016, 37, 809.762, 976.795),
        new Aggregate("deepseek-r1", 144, 0, 14.8633, 23.7383));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("aggregates")
  void aggregateSeriesMarksEmptyWindowsMissing(Aggregate a) {
    LoadSeries series =
        ServeGenAggregateReader.read(
            TraceData.serveGen("servegen_" + a.model() + "_aggregate_600s.csv"));

    assertThat(series.size()).isEqualTo(a.windows());
    assertThat(series.stepMicros()).isEqualTo(600_000_000L);
    int missing = 0;
    for (int i = 0; i < series.size(); i++) {
      if (series.isMissing(i)) {
        missing++;
        assertThat(series.rateAt(i)).isNaN();
      } else {
        assertThat(series.rateAt(i)).isPositive();
      }
    }
    assertThat(missing).isEqualTo(a.missing());
    assertThat(series.rateAt(0)).isEqualTo(a.firstRate());
    assertThat(series.rateAt(series.size() - 1)).isEqualTo(a.lastRate());
  }

  @Test
  void gapsAndZeroWindowsInAnAggregateAreMissing() {
    LoadSeries series = ServeGenAggregateReader.read(TraceData.ugly("gappy_aggregate.csv"));

    assertThat(series.missing()).containsExactly(false, true, true, true, false);
    assertThat(series.rateAt(4)).isEqualTo(12.0);
  }

  @Test
  void aWindowFarInTheFutureIsRefusedBeforeTheSeriesIsAllocated() {
    // dense from second 0, this series would need a billion 10-minute slots
    assertThatThrownBy(
            () -> ServeGenAggregateReader.read(TraceData.ugly("far_future_aggregate.csv")))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(
            "far_future_aggregate.csv:3: window_start_s: must be at most 34560000 s (a series"
                + " covers at most 400 days from second 0), got '600000000000'");
  }

  /**
   * Over two hours of m-large (≈ 1.4 M sampled requests) the sampled count of each window matches
   * the published rate × 600 s: the expected count is exact, the tolerance covers the sampling
   * noise of bursty clients (inter-arrival CV up to ~30).
   */
  @Test
  void sampledRatesMatchTheWindowRates() {
    ServeGenTrace trace = ServeGenTrace.load(TraceData.serveGen(), "m-large");
    LoadSeries sampled = LoadSeriesBinner.bin(trace.requests(0, 7200, 42), 0, 600_000_000L, 12);

    double expectedTotal = 0;
    double sampledTotal = 0;
    for (int i = 0; i < 12; i++) {
      double expected = trace.windowRate(i * 600L);
      assertThat(sampled.rateAt(i)).as("window %d", i).isCloseTo(expected, within(0.15 * expected));
      expectedTotal += expected;
      sampledTotal += sampled.rateAt(i);
    }
    assertThat(sampledTotal).isCloseTo(expectedTotal, within(0.03 * expectedTotal));
    assertThat(sampled.islMean()[0]).isBetween(100.0, 3000.0);
  }

  @Test
  void sameSeedSameRequestsAndSubRangesAgree() {
    ServeGenTrace trace = ServeGenTrace.load(TraceData.serveGen(), "deepseek-r1");

    List<Request> a = trace.sample(0, 1800, 7);
    List<Request> b = trace.sample(0, 1800, 7);
    List<Request> other = trace.sample(0, 1800, 8);
    List<Request> laterHalf = trace.sample(900, 1800, 7);

    assertThat(a).isEqualTo(b).isNotEqualTo(other).isNotEmpty();
    List<Request> cut =
        a.stream()
            .filter(r -> r.arrivalMicros() >= 900_000_000L)
            .map(r -> r.shifted(-900_000_000L))
            .toList();
    assertThat(laterHalf).isEqualTo(cut);
    Iterator<Request> lazy = trace.requests(0, 1800, 7);
    assertThat(lazy.next()).isEqualTo(a.get(0));
  }

  @Test
  void anUnknownDistributionNamesTheLine() {
    assertThatThrownBy(
            () ->
                ServeGenTrace.load(
                    TraceData.ugly("bad_dist_windows.csv"),
                    TraceData.serveGen("servegen_m-small_client_lengths_21600s.csv"),
                    null))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("bad_dist_windows.csv:3: iat_dist: must be Gamma or Weibull, got 'Lognormal'");
  }
}

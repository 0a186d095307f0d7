package dev.tandem.simulations.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.Health;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.simulations.metrics.LatencyHistograms;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.EngineGauges;
import dev.tandem.simulations.policy.LatencyStats;
import dev.tandem.simulations.policy.ReplicaCounts;
import dev.tandem.simulations.policy.WindowStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Health of each value as a Prometheus adapter would report it. */
class ObservationSnapshotsTest {

  private static final DeploymentKey KEY = new DeploymentKey("simulation", "tandem");
  private static final long MINUTE = 60_000_000L;

  private static LatencyStats latencies(long... micros) {
    Histogram h = LatencyHistograms.create(2);
    for (long m : micros) {
      LatencyHistograms.record(h, m);
    }
    return new LatencyStats(micros.length, micros.length == 0 ? Double.NaN : 1, h);
  }

  private static ClusterObservation observation(
      long now, long asOf, long arrivals, long completions, LatencyStats ttft, LatencyStats itl) {
    WindowStats w =
        new WindowStats(
            MINUTE,
            arrivals,
            arrivals > 0 ? 3000 : Double.NaN,
            arrivals > 0 ? 9e6 : Double.NaN,
            arrivals > 1 ? 1.0 : Double.NaN,
            completions,
            completions > 0 ? 300 : Double.NaN,
            completions > 0 ? 9e4 : Double.NaN,
            completions > 0 ? 3.0 : Double.NaN,
            ttft,
            itl);
    return new ClusterObservation(
        now,
        asOf,
        w,
        new EngineGauges(2, 3, 1, 2, 1, 40, 0.6),
        new ReplicaCounts(2, 1, 0),
        new ReplicaCounts(2, 0, 1));
  }

  @Test
  void aBusyWindowIsHealthyWithRatesMomentsAndPercentiles() {
    MetricsSnapshot s =
        ObservationSnapshots.of(
            KEY,
            observation(
                10 * MINUTE,
                10 * MINUTE - 5_000_000,
                1200,
                1100,
                latencies(50_000, 90_000),
                latencies(7_000)),
            90,
            90,
            MINUTE);
    assertThat(s.arrivalRate().value()).isEqualTo(20.0);
    assertThat(s.loadIsHealthy()).isTrue();
    assertThat(s.inputTokensSecondMoment().value()).isEqualTo(9e6);
    assertThat(s.ttftPercentileMillis().health()).isEqualTo(Health.OK);
    assertThat(s.ttftPercentileMillis().value()).isBetween(89.0, 91.0);
    assertThat(s.kvCacheUsage().value()).isEqualTo(0.3);
    assertThat(s.queueDepth().value()).isEqualTo(4.0);
    assertThat(s.prefixCacheHitRate().health()).isEqualTo(Health.MISSING);
    assertThat(s.at()).isEqualTo(ObservationSnapshots.instant(10 * MINUTE));
  }

  @Test
  void anEmptyWindowIsARealZeroRateWithMissingLengthsAndLatencies() {
    MetricsSnapshot s =
        ObservationSnapshots.of(
            KEY,
            observation(10 * MINUTE, 10 * MINUTE - 5_000_000, 0, 0, latencies(), latencies()),
            90,
            90,
            MINUTE);
    assertThat(s.arrivalRate().health()).isEqualTo(Health.OK);
    assertThat(s.arrivalRate().value()).isZero();
    assertThat(s.inputTokensMean().health()).isEqualTo(Health.MISSING);
    assertThat(s.outputTokensMean().health()).isEqualTo(Health.MISSING);
    assertThat(s.ttftPercentileMillis().health()).isEqualTo(Health.MISSING);
    assertThat(s.itlPercentileMillis().health()).isEqualTo(Health.MISSING);
    assertThat(s.arrivalCv2().health()).isEqualTo(Health.MISSING);
    assertThat(s.loadIsHealthy()).isTrue(); // zero traffic is healthy load
  }

  @Test
  void oldDataIsStaleAndNoDataIsMissing() {
    MetricsSnapshot stale =
        ObservationSnapshots.of(
            KEY,
            observation(10 * MINUTE, 8 * MINUTE, 1200, 1100, latencies(50_000), latencies(7_000)),
            90,
            90,
            MINUTE);
    assertThat(stale.arrivalRate().health()).isEqualTo(Health.STALE);
    assertThat(stale.ttftPercentileMillis().health()).isEqualTo(Health.STALE);
    assertThat(stale.loadIsHealthy()).isFalse();

    MetricsSnapshot none =
        ObservationSnapshots.of(
            KEY, observation(5_000_000, -1, 0, 0, latencies(), latencies()), 90, 90, MINUTE);
    assertThat(none.arrivalRate().health()).isEqualTo(Health.MISSING);
    assertThat(none.loadIsHealthy()).isFalse();
  }
}

package dev.tandem.simulations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.profiles.model.EngineSpec;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.arrivals.ArrayArrivals;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With a KV cache that holds only five requests' reservations (ISL + OSL = 1,100 tokens each), a
 * decode engine never runs more than five, the rest wait, and all complete; waiting shows up in the
 * ITL (the gap before the second token grows).
 */
class KvCapacityTest {

  @Test
  void requestsWaitForKvSpaceAndNeverOverfillTheCache() {
    PerformanceProfile base = TestProfiles.h200();
    EngineSpec e = base.engine();
    EngineSpec small =
        new EngineSpec(
            e.name(),
            e.version(),
            e.tensorParallelSize(),
            e.gpusPerEngine(),
            5_500,
            e.maxBatchedTokens(),
            e.maxSequences(),
            e.kvTransferBytesPerSecond());
    PerformanceProfile profile =
        new PerformanceProfile(
            base.metadata(), base.gpu(), base.model(), small, base.prefill(), base.decode());
    int[] maxRunning = {0};
    ScalingPolicy watcher =
        new ScalingPolicy() {
          @Override
          public String name() {
            return "watch";
          }

          @Override
          public long intervalMicros() {
            return 10_000;
          }

          @Override
          public long windowMicros() {
            return 10_000;
          }

          @Override
          public ReplicaTargets initial() {
            return new ReplicaTargets(1, 1);
          }

          @Override
          public ReplicaTargets decide(ClusterObservation o) {
            maxRunning[0] = (int) Math.max(maxRunning[0], o.gauges().decodeRunning());
            return new ReplicaTargets(1, 1);
          }
        };
    ArrayArrivals load = ArrayArrivals.evenlySpaced(40, 0, 1_000, 1000, 100);
    long[] slowest = {0};
    SimulationConfig config =
        SimulationConfig.of(profile, SlaTargets.millis(90, 200, 90, 10), Duration.ofSeconds(1))
            .withScrape(Duration.ofMillis(10), Duration.ZERO);
    var report =
        new Simulation(
                load.open(0),
                watcher,
                config,
                ProgressListener.NONE,
                r -> slowest[0] = Math.max(slowest[0], r.completionMicros - r.firstTokenMicros))
            .run();
    assertThat(report.summary().completed()).isEqualTo(40);
    assertThat(maxRunning[0]).isBetween(1, 5);
    // Eight waves of five, each 99 steps of >= 4.4 ms; prefill releases all 40 within ~1 s, so
    // the last request waits for at least five earlier waves after its first token.
    assertThat(slowest[0]).isGreaterThan(5 * 99 * 4_000L);
  }
}

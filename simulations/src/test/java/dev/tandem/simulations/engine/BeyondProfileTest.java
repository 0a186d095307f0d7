package dev.tandem.simulations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.arrivals.ArrayArrivals;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.report.BeyondProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The report counts the load past the profile's measured range (the H200 profile: prompts up to
 * 16,372 tokens, decode contexts up to 13,585), where the engines extrapolate.
 */
class BeyondProfileTest {

  @Test
  void promptsAndContextsPastTheMeasuredRangeAreCountedAndSaid() {
    ScalingPolicy fixed =
        new ScalingPolicy() {
          @Override
          public String name() {
            return "fixed";
          }

          @Override
          public long intervalMicros() {
            return 1_000_000;
          }

          @Override
          public long windowMicros() {
            return 1_000_000;
          }

          @Override
          public ReplicaTargets initial() {
            return new ReplicaTargets(2, 2);
          }

          @Override
          public ReplicaTargets decide(ClusterObservation o) {
            return new ReplicaTargets(2, 2);
          }
        };
    // ISL 1,000 (inside), 13,500 + 300/2 = 13,650 (context beyond), 20,000 (both beyond)
    ArrayArrivals load =
        new ArrayArrivals(
            new long[] {0, 100_000, 200_000, 300_000},
            new int[] {1_000, 13_500, 20_000, 1_000},
            new int[] {300, 300, 300, 300});
    SimulationConfig config =
        SimulationConfig.of(
            TestProfiles.h200(), SlaTargets.millis(90, 200, 90, 10), Duration.ofSeconds(1));

    BeyondProfile b =
        new Simulation(load.open(0), fixed, config, ProgressListener.NONE, r -> {})
            .run()
            .beyondProfile();

    assertThat(b).isEqualTo(new BeyondProfile(4, 1, 2, 16_372, 13_585));
    assertThat(b.sentence())
        .startsWith(
            "lengths beyond the profile: 1 of 4 prompts (25.00 %) longer than the largest measured"
                + " ISL 16,372")
        .contains("2 requests (50.00 %) with a decode context above the largest measured 13,585");
  }
}

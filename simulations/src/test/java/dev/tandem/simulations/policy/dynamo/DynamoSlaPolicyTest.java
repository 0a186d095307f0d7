package dev.tandem.simulations.policy.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.metrics.LatencyHistograms;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.EngineGauges;
import dev.tandem.simulations.policy.LatencyStats;
import dev.tandem.simulations.policy.ReplicaCounts;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.WindowStats;
import org.junit.jupiter.api.Test;

class DynamoSlaPolicyTest {

  private static ClusterObservation observed(
      long arrivals, double isl, double osl, double ttftMillis, double itlMillis) {
    WindowStats w =
        new WindowStats(
            180_000_000L,
            arrivals,
            isl,
            isl * isl,
            1,
            arrivals,
            osl,
            osl * osl,
            5,
            new LatencyStats(arrivals, ttftMillis, LatencyHistograms.create(2)),
            new LatencyStats(arrivals, itlMillis, LatencyHistograms.create(2)));
    return new ClusterObservation(
        180_000_000L,
        175_000_000L,
        w,
        EngineGauges.NONE,
        new ReplicaCounts(1, 0, 0),
        new ReplicaCounts(1, 0, 0));
  }

  @Test
  void withoutTrafficKeepsTheCurrentCounts() {
    DynamoSlaPolicy p = new DynamoSlaPolicy(TestProfiles.h200(), DynamoSettings.defaults(200, 10));
    assertThat(p.decide(observed(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)))
        .isEqualTo(new ReplicaTargets(1, 1));
  }

  /** The first test vector through the policy: 3600 requests in 180 s, ISL 3000, OSL 150. */
  @Test
  void sizesTheLastIntervalsLoadWithoutCorrection() {
    DynamoSlaPolicy p =
        new DynamoSlaPolicy(
            TestProfiles.h200(), DynamoSettings.defaults(200, 10).withCorrection(false));
    assertThat(p.decide(observed(3600, 3000, 150, 500, 30))).isEqualTo(new ReplicaTargets(2, 1));
  }

  /**
   * With corrections: observed mean TTFT below the profile's (c_p &lt; 1) shrinks the prefill
   * demand; a TTFT above it is ignored (min(1, c_p)). Observed ITL twice the grid's doubles c_d, so
   * the decode target halves to 5 ms: the grid's 5 ms point at context 3075 is at ≈ 2 % KV usage, ≈
   * 700 tokens/s/GPU → ⌈3000 / 700⌉ = 5 engines.
   */
  @Test
  void correctionFactorsChangeTheSizing() {
    DynamoSlaPolicy p = new DynamoSlaPolicy(TestProfiles.h200(), DynamoSettings.defaults(200, 10));
    double profileTtft = p.decide(observed(3600, 3000, 150, 61, 9)).prefill();
    assertThat(p.prefillCorrection()).isLessThan(1.01);
    ReplicaTargets slowDecode =
        new DynamoSlaPolicy(TestProfiles.h200(), DynamoSettings.defaults(200, 10))
            .decide(observed(3600, 3000, 150, 5000, 60));
    assertThat(slowDecode.prefill()).isEqualTo(2);
    assertThat(slowDecode.decode()).isGreaterThan(1);
    assertThat(profileTtft).isEqualTo(2);
  }
}

package dev.tandem.simulations.policy.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HpaControllerTest {

  private static final long S = 1_000_000L;

  /**
   * Target 1 waiting request per pod. t = 0: 10 waiting on 1 pod → wants 10, limited to max(1 + 4,
   * 2) = 5. t = 15: 4 new pods unready, 10 waiting → over 5 pods 2.0 → ⌈2 × 5⌉ = 10; the +4 at t =
   * 0 is exactly one period old → limit max(9, 10) = 10. Then the load vanishes: recommendations of
   * 0 are held off by the 10s remembered at t = 0 and t = 15 until t = 315, when the one at 15
   * leaves the 300 s window; 100 % per 15 s would allow 0, minReplicas keeps 1.
   */
  @Test
  void scalesUpWithinRateLimitsAndDownAfterStabilisation() {
    HpaController hpa =
        new HpaController(1.0, 0.1, 1, 64, HpaRules.defaultScaleUp(), HpaRules.defaultScaleDown());
    assertThat(hpa.sync(0, 1, 1, 0, 0, 10)).isEqualTo(5);
    assertThat(hpa.sync(15 * S, 5, 1, 4, 0, 10)).isEqualTo(10);
    int replicas = 10;
    for (long t = 30; t <= 300; t += 15) {
      replicas = hpa.sync(t * S, replicas, 10, 0, 0, 0);
      assertThat(replicas).as("t = %d s", t).isEqualTo(10);
    }
    assertThat(hpa.sync(315 * S, replicas, 10, 0, 0, 0)).isEqualTo(1);
  }

  @Test
  void withoutMetricsNothingChanges() {
    HpaController hpa =
        new HpaController(0.5, 0.1, 1, 8, HpaRules.defaultScaleUp(), HpaRules.defaultScaleDown());
    assertThat(hpa.sync(0, 3, 0, 3, 0, 0)).isEqualTo(3);
  }
}

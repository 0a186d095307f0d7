package dev.tandem.simulations.policy.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.arrivals.ArrayArrivals;
import dev.tandem.simulations.cluster.ProfileTables;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.ReplicaTargets;
import org.junit.jupiter.api.Test;

/** The clairvoyant sizing and its one-start-up-ahead schedule, on hand-built loads. */
class OraclePolicyTest {

  static final SlaTargets SLA = SlaTargets.millis(90, 200, 90, 10);

  static OracleSizing sizing(double slowdown) {
    return new OracleSizing(new ProfileTables(TestProfiles.h200()), SLA, 8192, slowdown, 945_029);
  }

  @Test
  void decodeBatchIsTheLargestThatMeetsTheItlTarget() {
    ProfileTables t = new ProfileTables(TestProfiles.h200());
    for (double slowdown : new double[] {1.0, 1.3}) {
      int n = sizing(slowdown).decodeBatch(3150);
      assertThat(t.itlMillis(n, 3150) * slowdown).isLessThanOrEqualTo(10.0);
      assertThat(t.itlMillis(n + 1, 3150) * slowdown).isGreaterThan(10.0);
    }
    // Profile: ITL 9.94 ms at 49 sequences of context 2997, so n* ≈ 49 near context 3150.
    assertThat(sizing(1.0).decodeBatch(3150)).isBetween(40, 52);
    // 30 % slower engines must keep the profile's ITL at 10/1.3 = 7.7 ms: a much smaller batch.
    assertThat(sizing(1.3).decodeBatch(3150)).isLessThan(sizing(1.0).decodeBatch(3150) * 7 / 10);
  }

  @Test
  void prefillNeedIsTokenRateOverFullBatchThroughput() {
    OracleSizing s = sizing(1.0);
    double mu = s.prefillTokensPerSecond(); // 8192 tokens / TTFT(8192) ≈ 48k tokens/s
    assertThat(mu).isBetween(45_000.0, 50_000.0);
    // 10 s holding 2.5 μ·10 s of prompt tokens at ρ = 1 needs ⌈2.5⌉ = 3 engines.
    ReplicaTargets need = s.size(10, 2.5 * mu * 10, 0, 0, 0, 1.0, 1.0);
    assertThat(need).isEqualTo(new ReplicaTargets(3, 1));
    // At ρ = 0.5 the same load needs ⌈5⌉ = 5.
    assertThat(s.size(10, 2.5 * mu * 10, 0, 0, 0, 0.5, 1.0).prefill()).isEqualTo(5);
  }

  @Test
  void countsCoverTheNextIntervalPlusAStartUpAhead() {
    // 20 requests of 3000/300 in each 10 s bin from 0 to 120 s, then 200 per bin from 120 s to
    // 180 s: a burst the oracle must have ready at 120 s, so with a 60 s start-up and 60 s
    // decisions it asks for it at t = 60 s, and the warm start covers only [0, 120 s).
    int quiet = 12 * 20;
    int burst = 6 * 200;
    long[] t = new long[quiet + burst];
    for (int i = 0; i < quiet; i++) {
      t[i] = i * 500_000L; // 2 req/s
    }
    for (int i = 0; i < burst; i++) {
      t[quiet + i] = 120_000_000L + i * 50_000L; // 20 req/s
    }
    int[] in = new int[t.length];
    int[] out = new int[t.length];
    java.util.Arrays.fill(in, 3000);
    java.util.Arrays.fill(out, 300);
    LoadOutlook outlook = LoadOutlook.scan(new ArrayArrivals(t, in, out), 0, 10_000_000L);
    assertThat(outlook.bins()).isEqualTo(18);
    assertThat(outlook.requests(0)).isEqualTo(20);
    assertThat(outlook.requests(12)).isEqualTo(200);
    OraclePolicy p = new OraclePolicy(outlook, sizing(1.0), 60_000_000L, 60_000_000L, 0.7, 0.7);
    ReplicaTargets quietNeed = p.needOver(0);
    ReplicaTargets ahead = p.needOver(60_000_000L);
    assertThat(p.initial()).isEqualTo(quietNeed);
    assertThat(ahead.prefill()).isGreaterThan(quietNeed.prefill());
    assertThat(ahead.decode()).isGreaterThan(quietNeed.decode());
    // After the burst has passed (decision at 180 s) the counts fall back to 1.
    assertThat(p.needOver(180_000_000L)).isEqualTo(new ReplicaTargets(1, 1));
  }
}

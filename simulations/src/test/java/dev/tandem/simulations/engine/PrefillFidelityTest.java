package dev.tandem.simulations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.arrivals.ArrayArrivals;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One prefill engine serving one request at a time (requests 10 s apart) gives each request the
 * profile's measured TTFT at its ISL, to the µs.
 */
class PrefillFidelityTest {

  @Test
  void aSinglePrefillEngineAtBatchOneReproducesTheProfileTtftAtEveryMeasuredIsl() {
    PerformanceProfile profile = TestProfiles.h200();
    List<PrefillPoint> points = profile.prefill();
    int n = points.size();
    long[] t = new long[n];
    int[] isl = new int[n];
    int[] osl = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * 10_000_000L;
      isl[i] = points.get(i).inputTokens();
      osl[i] = 2;
    }
    Map<Integer, Long> ttftByIsl = new HashMap<>();
    SimulationConfig config =
        SimulationConfig.of(profile, SlaTargets.millis(90, 200, 90, 10), Duration.ofSeconds(60));
    new Simulation(
            new ArrayArrivals(t, isl, osl).open(0),
            new StaticSplitPolicy(1, 1),
            config,
            ProgressListener.NONE,
            r -> ttftByIsl.put(r.inputTokens, r.firstTokenMicros - r.arrivalMicros))
        .run();
    assertThat(ttftByIsl).hasSize(n);
    for (PrefillPoint p : points) {
      assertThat(ttftByIsl.get(p.inputTokens()) / 1000.0)
          .as("TTFT at ISL %d", p.inputTokens())
          .isCloseTo(p.ttftMillis(), within(0.0005));
    }
  }
}

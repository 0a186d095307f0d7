package dev.tandem.simulations.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.TestProfiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A decode engine held at each measured (concurrency, context) point — n requests admitted together
 * with ISL + OSL/2 equal to the measured context, all finishing together — produces the measured
 * ITL within 5 %.
 *
 * <p>Where the measurement dips below an earlier, smaller concurrency's ITL (a point off the
 * monotone envelope, e.g. context 350 at 1311 and 1573 sequences: 40.96 and 42.58 ms after 46.65 ms
 * at 1049), the simulator uses the envelope by design (the profiles module's rule: a larger batch
 * never decodes faster), so those points are checked against the envelope instead and listed.
 */
class DecodeFidelityTest {

  private static final int OSL = 200;

  @Test
  void aDecodeEngineHeldAtEachMeasuredPointReproducesItsItlWithinFivePercent() {
    PerformanceProfile profile = TestProfiles.h200();
    ProfileTables tables = new ProfileTables(profile);
    List<String> offEnvelope = new ArrayList<>();
    for (double context : profile.decodeContexts()) {
      double runningMax = 0;
      for (DecodePoint p : profile.decodeAt(context)) {
        int n = (int) Math.round(p.concurrency());
        double simulated = heldItlMillis(profile, tables, n, (int) Math.round(context) - OSL / 2);
        runningMax = Math.max(runningMax, p.itlMillis());
        if (p.itlMillis() < runningMax) {
          offEnvelope.add(context + "@" + n);
          assertThat(simulated).isCloseTo(runningMax, within(runningMax * 0.05));
        } else {
          assertThat(simulated)
              .as("ITL at context %s, concurrency %d", context, n)
              .isCloseTo(p.itlMillis(), within(p.itlMillis() * 0.05));
        }
      }
    }
    assertThat(offEnvelope).containsExactly("350.0@1311", "350.0@1573");
  }

  private static double heldItlMillis(
      PerformanceProfile profile, ProfileTables tables, int n, int isl) {
    DecodeEngine e =
        new DecodeEngine(0, 1, 0, profile.engine().kvCapacityTokens(), Integer.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      SimRequest r = new SimRequest(i, 0, isl, OSL);
      r.firstTokenMicros = 0;
      e.enqueue(r);
    }
    e.advanceTo(0);
    assertThat(e.admit()).isTrue();
    assertThat(e.running()).as("all %d sequences fit in the KV cache", n).isEqualTo(n);
    long finish = e.reschedule(tables, 1.0);
    e.advanceTo(finish);
    List<SimRequest> done = new ArrayList<>();
    e.completeFinished(finish, done::add);
    assertThat(done).hasSize(n);
    return finish / 1000.0 / (OSL - 1);
  }
}

package dev.tandem.simulations.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.Role;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.TestProfiles;
import org.junit.jupiter.api.Test;

/**
 * Round-robin prefill routing hands arrivals to the ready engines in turn, whatever their backlog
 * (unlike least-loaded routing), skipping engines that are starting or draining.
 */
class RoundRobinRouterTest {

  private static final PerformanceProfile PROFILE = TestProfiles.h200();

  @Test
  void arrivalsGoToReadyEnginesInTurnRegardlessOfBacklog() {
    Cluster rr =
        new Cluster(
            PROFILE,
            new ProfileTables(PROFILE),
            ClusterOptions.DEFAULTS.withPrefillQueue(PrefillQueue.ROUND_ROBIN));
    PrefillEngine a = (PrefillEngine) rr.requestEngine(Role.PREFILL, 0);
    PrefillEngine b = (PrefillEngine) rr.requestEngine(Role.PREFILL, 0);
    PrefillEngine c = (PrefillEngine) rr.requestEngine(Role.PREFILL, 0);
    rr.markReady(a);
    rr.markReady(c);
    // b is still starting: skipped. a gets a long prompt, yet is chosen again on its turn.
    PrefillEngine first = rr.pickPrefill();
    first.enqueue(new SimRequest(1, 0, 16_000, 10));
    assertThat(first).isSameAs(a);
    assertThat(rr.pickPrefill()).isSameAs(c);
    assertThat(rr.pickPrefill()).isSameAs(a);
    rr.markReady(b);
    assertThat(rr.pickPrefill()).isSameAs(b);
    assertThat(rr.pickPrefill()).isSameAs(c);
    assertThat(rr.pickPrefill()).isSameAs(a);
  }

  @Test
  void leastLoadedRoutingAvoidsTheBackloggedEngineInstead() {
    Cluster ll = new Cluster(PROFILE, new ProfileTables(PROFILE), ClusterOptions.DEFAULTS);
    PrefillEngine a = (PrefillEngine) ll.requestEngine(Role.PREFILL, 0);
    PrefillEngine c = (PrefillEngine) ll.requestEngine(Role.PREFILL, 0);
    ll.markReady(a);
    ll.markReady(c);
    ll.pickPrefill().enqueue(new SimRequest(1, 0, 16_000, 10));

    assertThat(ll.pickPrefill()).isSameAs(c);
    assertThat(ll.pickPrefill()).isSameAs(c);
  }
}

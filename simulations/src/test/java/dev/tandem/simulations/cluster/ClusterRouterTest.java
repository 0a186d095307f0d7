package dev.tandem.simulations.cluster;

import static dev.tandem.simulations.cluster.LeastLoadedIndexTest.scanFirst;
import static dev.tandem.simulations.cluster.LeastLoadedIndexTest.scanLast;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.Role;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.TestProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cluster's indexed router makes the choices the scan it replaced made: driven through random
 * scale-ups, readiness, routed requests, batch starts and finishes, decode admissions and
 * completions, scale-downs and releases, {@link Cluster#pickPrefill()} and {@link
 * Cluster#pickDecode()} return the first least-loaded READY engine in list order, and {@link
 * Cluster#shrink} cancels the newest starting engines, then drains the last least-loaded READY
 * ones.
 */
class ClusterRouterTest {

  private static final PerformanceProfile PROFILE = TestProfiles.h200();
  private static final ProfileTables TABLES = new ProfileTables(PROFILE);

  @Test
  void picksAndScaleDownVictimsMatchABruteForceScan() {
    for (long seed = 1; seed <= 25; seed++) {
      run(seed);
    }
  }

  private static void run(long seed) {
    Random random = new Random(seed);
    Cluster cluster = new Cluster(PROFILE, TABLES, ClusterOptions.DEFAULTS);
    long now = 0;
    long id = 0;
    // Few distinct lengths, so equal loads (ties) are common.
    int[] lengths = {100, 100, 200, 300};
    for (int step = 0; step < 3000; step++) {
      String where = "seed " + seed + ", step " + step;
      now += random.nextInt(20_000);
      Role role = random.nextBoolean() ? Role.PREFILL : Role.DECODE;
      List<? extends Engine> engines = cluster.engines(role);
      int op = random.nextInt(12);
      if (op == 0 && engines.size() < 40) {
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          cluster.requestEngine(role, now);
        }
      } else if (op == 1 && !engines.isEmpty()) {
        cluster.markReady(engines.get(random.nextInt(engines.size())));
      } else if (op <= 5) {
        SimRequest r =
            new SimRequest(id++, now, lengths[random.nextInt(4)], lengths[random.nextInt(4)]);
        if (role == Role.PREFILL) {
          PrefillEngine e = cluster.pickPrefill();
          assertThat(e).as(where).isSameAs(scanFirst(cluster.prefillEngines()));
          if (e != null) {
            e.enqueue(r);
            if (random.nextBoolean()) {
              e.startBatch(TABLES, cluster.tokenBudget(), 1.0);
            }
          }
        } else {
          DecodeEngine e = cluster.pickDecode();
          assertThat(e).as(where).isSameAs(scanFirst(cluster.decodeEngines()));
          if (e != null) {
            e.enqueue(r);
            e.advanceTo(now);
            if (random.nextBoolean() && e.admit()) {
              e.reschedule(TABLES, 1.0);
            }
          }
        }
      } else if (op <= 8 && !engines.isEmpty()) {
        Engine any = engines.get(random.nextInt(engines.size()));
        if (any instanceof PrefillEngine e) {
          if (e.busy()) {
            e.finishBatch();
          }
          e.startBatch(TABLES, cluster.tokenBudget(), 1.0);
        } else {
          DecodeEngine e = (DecodeEngine) any;
          e.advanceTo(now);
          e.completeFinished(now, done -> {});
          e.admit();
          e.reschedule(TABLES, 1.0);
        }
        cluster.releaseIfDrained(any, now);
      } else if (op == 9 && cluster.replicas(role) > 1) {
        int count = 1 + random.nextInt(Math.min(3, cluster.replicas(role) - 1));
        shrinkAndCheck(cluster, role, count, now, where);
      }
      assertThat(cluster.pickPrefill()).as(where).isSameAs(scanFirst(cluster.prefillEngines()));
      assertThat(cluster.pickDecode()).as(where).isSameAs(scanFirst(cluster.decodeEngines()));
    }
  }

  /** Predicts shrink's choices with the original scans, then checks shrink made them. */
  private static void shrinkAndCheck(Cluster cluster, Role role, int count, long now, String at) {
    List<Engine> before = new ArrayList<>(cluster.engines(role));
    List<Engine> cancelled = new ArrayList<>();
    for (int i = before.size() - 1; i >= 0 && cancelled.size() < count; i--) {
      if (before.get(i).state == EngineState.STARTING) {
        cancelled.add(before.get(i));
      }
    }
    List<Engine> ready = new ArrayList<>();
    for (Engine e : before) {
      if (e.state == EngineState.READY) {
        ready.add(e);
      }
    }
    List<Engine> drained = new ArrayList<>();
    while (cancelled.size() + drained.size() < count) {
      Engine victim = scanLast(ready);
      if (victim == null) {
        break;
      }
      ready.remove(victim);
      drained.add(victim);
    }
    int gone = cluster.shrink(role, count, now);
    assertThat(gone).as(at).isEqualTo(cancelled.size() + drained.size());
    for (Engine e : cancelled) {
      assertThat(e.state).as(at).isEqualTo(EngineState.GONE);
    }
    for (Engine e : drained) {
      assertThat(e.state).as(at).isIn(EngineState.DRAINING, EngineState.GONE);
    }
    for (Engine e : ready) {
      assertThat(e.state).as(at).isEqualTo(EngineState.READY);
    }
  }
}

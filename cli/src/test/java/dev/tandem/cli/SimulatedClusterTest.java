package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.Recommender;
import dev.tandem.planner.metrics.Health;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.catalog.ScenarioCatalog;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.ReplicaCounts;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.tandem.SimulatedPolicies;
import dev.tandem.simulations.tandem.TandemSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedClusterTest {

  /** A clock stepped by the test. */
  static final class StepClock extends Clock {
    volatile Instant now = Instant.EPOCH;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final PerformanceProfile PROFILE =
      PerformanceProfileLoader.load(CliRun.root().resolve(ScenarioCatalog.DEFAULT_PROFILE));

  static SlaPolicy policy() {
    return SimulatedPolicies.policy(
        SlaTargets.millis(90, 200, 90, 10),
        PROFILE,
        Duration.ofSeconds(60),
        TandemSettings.defaults());
  }

  @Test
  void theSimulationWaitsForTheServiceClockAndAppliesWhatWasWritten() throws Exception {
    StepClock clock = new StepClock();
    SimulatedCluster cluster = new SimulatedCluster(policy(), clock, new ReplicaTargets(2, 3));
    DeploymentKey key = new DeploymentKey("simulation", "tandem");
    ClusterObservation at10s =
        new ClusterObservation(
            10_000_000, -1, null, null, new ReplicaCounts(2, 0, 0), new ReplicaCounts(3, 0, 0));

    CompletableFuture<ReplicaTargets> handover =
        CompletableFuture.supplyAsync(() -> cluster.decide(at10s));
    Thread.sleep(100);
    assertThat(handover).as("the simulation may not run ahead of the service").isNotDone();
    assertThat(cluster.snapshot(List.of(key), clock.instant()).get(key).arrivalRate().health())
        .as("nothing observed yet")
        .isEqualTo(Health.MISSING);

    clock.now = Instant.EPOCH.plusSeconds(10);
    assertThat(handover.get(5, TimeUnit.SECONDS)).isEqualTo(new ReplicaTargets(2, 3));
    assertThat(cluster.read(policy(), clock.instant()).of(Role.DECODE).ready()).isEqualTo(3);

    ClusterObservation at15s =
        new ClusterObservation(
            15_000_000, -1, null, null, new ReplicaCounts(2, 0, 0), new ReplicaCounts(3, 0, 0));
    clock.now = Instant.EPOCH.plusSeconds(15);
    // what the service writes is applied by the simulator at the next hand-over
    cluster.apply(
        new Recommender()
            .recommend(
                Deployment.of(policy(), PROFILE, PROFILE),
                Recommender.Load.of(40, 3000, 300),
                clock.instant()));
    ReplicaTargets applied = cluster.decide(at15s);
    assertThat(applied).isNotEqualTo(new ReplicaTargets(2, 3));
    assertThat(cluster.read(policy(), clock.instant()).of(Role.DECODE).desired())
        .as("desired is what was written, as spec.replicas")
        .isEqualTo(applied.decode());
  }
}

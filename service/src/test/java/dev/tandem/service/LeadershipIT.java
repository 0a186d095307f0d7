package dev.tandem.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.service.cluster.LeaderElection;
import dev.tandem.service.loop.LoopRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With leader election, a replica is ready only once it has joined the election, and only the
 * leader ticks (a follower plans and writes nothing). The election is a hand-driven {@link
 * LeaderElection}, the shape the Lease-based implementation satisfies.
 */
class LeadershipIT {

  /** An election the test decides. */
  static final class Election implements LeaderElection {
    volatile boolean leader;
    volatile boolean joined;
    volatile boolean started;

    @Override
    public void start() {
      started = true;
    }

    @Override
    public void stop() {
      started = false;
    }

    @Override
    public boolean isLeader() {
      return leader;
    }

    @Override
    public boolean joined() {
      return joined;
    }
  }

  @TempDir Path dir;

  @Test
  void onlyTheLeaderTicksAndReadinessWaitsForTheElection() {
    ConfigMapDirectory policies = new ConfigMapDirectory(dir.resolve("policies"));
    policies.publish(
        Map.of(
            "llama-8b.yaml", ConfigMapDirectory.fixture("llama-8b.yaml"),
            "h200-llama-3.1-8b-fp8-tp1.yaml",
                ConfigMapDirectory.fixture("h200-llama-3.1-8b-fp8-tp1.yaml")));
    FakeCluster cluster = new FakeCluster();
    MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    Election election = new Election();
    SpringApplication app = new SpringApplication(TandemServiceApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.addInitializers(
        c -> {
          c.getBeanFactory().registerSingleton("clusterPorts", cluster.ports());
          c.getBeanFactory().registerSingleton("clock", clock);
          c.getBeanFactory().registerSingleton("leaderElection", election);
        });
    try (ConfigurableApplicationContext c =
        app.run(
            "--tandem.policies=" + policies.root(),
            "--tandem.checkpoint.file=",
            "--tandem.tick-period=1h",
            "--tandem.policy-poll=1h",
            "--tandem.leader-election.enabled=true",
            "--logging.level.root=WARN")) {
      HealthIndicator readiness = c.getBean("tandemHealthIndicator", HealthIndicator.class);
      LoopRunner loop = c.getBean(LoopRunner.class);
      assertThat(election.started).isTrue();
      assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

      election.joined = true;
      assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
      clock.advance(Duration.ofMinutes(1));
      assertThat(loop.tickNow().plans()).as("a follower does not plan").isEmpty();
      assertThat(cluster.applied()).isEmpty();

      election.leader = true;
      clock.advance(Duration.ofMinutes(1));
      assertThat(loop.tickNow().plans()).as("the leader does").isNotEmpty();
      assertThat(cluster.applied()).isNotEmpty();
    }
    assertThat(election.started).as("the lease is released at shutdown").isFalse();
  }
}

package dev.tandem.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.history.HistoryCodec;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.service.loop.DeploymentStatuses;
import dev.tandem.service.loop.LoopRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service across restarts: the histories (decisions, stabilisation window, correction,
 * forecaster state) written at shutdown are restored at the next start; a corrupt or foreign
 * checkpoint is reported and ignored, never fatal. Each start is a small non-web context.
 */
class CheckpointIT {

  static final DeploymentKey LLAMA = new DeploymentKey("inference", "llama-8b");

  @TempDir Path dir;

  private ConfigurableApplicationContext start(FakeCluster cluster, MutableClock clock) {
    return start(cluster, clock, "1h");
  }

  private ConfigurableApplicationContext start(
      FakeCluster cluster, MutableClock clock, String tickPeriod) {
    ConfigMapDirectory policies = new ConfigMapDirectory(dir.resolve("policies"));
    if (!Files.exists(policies.root())) {
      policies.publish(
          Map.of(
              "llama-8b.yaml", ConfigMapDirectory.fixture("llama-8b.yaml"),
              "h200-llama-3.1-8b-fp8-tp1.yaml",
                  ConfigMapDirectory.fixture("h200-llama-3.1-8b-fp8-tp1.yaml")));
    }
    SpringApplication app = new SpringApplication(TandemServiceApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.addInitializers(
        c -> {
          c.getBeanFactory().registerSingleton("clusterPorts", cluster.ports());
          c.getBeanFactory().registerSingleton("clock", clock);
        });
    return app.run(
        "--tandem.policies=" + policies.root(),
        "--tandem.checkpoint.file=" + dir.resolve("checkpoint.txt"),
        "--tandem.tick-period=" + tickPeriod,
        "--tandem.policy-poll=1h",
        "--tandem.auth.mode=none",
        "--server.address=127.0.0.1",
        "--logging.level.root=WARN");
  }

  @Test
  void historiesSurviveARestart() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    FakeCluster cluster = new FakeCluster();
    ScalingHistory saved;
    try (ConfigurableApplicationContext first = start(cluster, clock)) {
      LoopRunner loop = first.getBean(LoopRunner.class);
      for (int i = 0; i < 6; i++) {
        cluster.rate(20 + 10 * i);
        clock.advance(Duration.ofSeconds(60));
        loop.tickNow();
      }
      saved = loop.histories().get(LLAMA);
      assertThat(saved.prefill().lastDecision()).isPresent();
      // seen for the first time: its forecast was warmed from the fake cluster's past readings
      assertThat(first.getBean(DeploymentStatuses.class).backfill(LLAMA))
          .hasValueSatisfying(b -> assertThat(b.readings()).isEqualTo(120));
    }
    assertThat(dir.resolve("checkpoint.txt")).exists();
    try (ConfigurableApplicationContext second = start(new FakeCluster(), clock)) {
      LoopRunner loop = second.getBean(LoopRunner.class);
      assertThat(loop.checkpointProblems()).isEmpty();
      ScalingHistory restored = loop.histories().get(LLAMA);
      // the clock has not moved, so the second run's first tick finds no role due: the history
      // it holds is exactly the restored one
      assertThat(HistoryCodec.write(restored)).isEqualTo(HistoryCodec.write(saved));
      assertThat(restored.forecast()).isEqualTo(saved.forecast());
      assertThat(restored.prefill().recommendations()).isEqualTo(saved.prefill().recommendations());
      // a restart resumes the checkpointed forecast: nothing is read from the past
      clock.advance(Duration.ofSeconds(60));
      assertThat(loop.tickNow().backfills()).isEmpty();
      assertThat(second.getBean(DeploymentStatuses.class).backfill(LLAMA)).isEmpty();
    }
  }

  @Test
  void shutdownFinishesTheTickInFlightThenWritesTheCheckpoint() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    FakeCluster cluster = new FakeCluster();
    ConfigurableApplicationContext c = start(cluster, clock, "50ms");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    clock.advance(Duration.ofMinutes(5));
    Instant held = clock.instant();
    cluster.holdSnapshotAt(held, entered, release);
    assertThat(entered.await(10, TimeUnit.SECONDS)).as("a scheduled tick reads metrics").isTrue();
    Thread closer = new Thread(c::close);
    closer.start();
    closer.join(500);
    assertThat(closer.isAlive()).as("shutdown waits for the tick in flight").isTrue();
    release.countDown();
    closer.join(20_000);
    assertThat(closer.isAlive()).isFalse();
    // the held tick completed (its plan was made at `held`) and is in the checkpoint
    String text = Files.readString(dir.resolve("checkpoint.txt"));
    assertThat(text).contains("deployment inference/llama-8b").contains("last=" + held);
  }

  @Test
  void aCorruptOrForeignCheckpointIsReportedAndIgnored() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    Files.writeString(dir.resolve("checkpoint.txt"), "{\"not\": \"a tandem checkpoint\"}\n");
    try (ConfigurableApplicationContext c = start(new FakeCluster(), clock)) {
      LoopRunner loop = c.getBean(LoopRunner.class);
      assertThat(loop.checkpointProblems())
          .singleElement()
          .asString()
          .contains("checkpoint.txt:1: not a Tandem checkpoint");
      clock.advance(Duration.ofSeconds(60));
      assertThat(loop.tickNow().plans()).as("runs anyway").isNotEmpty();
    }
    Files.writeString(
        dir.resolve("checkpoint.txt"),
        "tandem-checkpoint v1\ndeployment inference/llama-8b lines=2\ntandem-scaling-history v1\n"
            + "role prefill correction=banana\n");
    try (ConfigurableApplicationContext c = start(new FakeCluster(), clock)) {
      LoopRunner loop = c.getBean(LoopRunner.class);
      assertThat(loop.checkpointProblems())
          .singleElement()
          .asString()
          .contains("checkpoint.txt:2: history of inference/llama-8b is damaged");
    }
  }
}

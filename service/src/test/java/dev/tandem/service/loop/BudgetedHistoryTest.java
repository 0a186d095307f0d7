package dev.tandem.service.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.ports.MetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Past reads stop once a tick has spent its wall-time budget on them, and resume the next tick. */
class BudgetedHistoryTest {

  private static final DeploymentKey KEY = new DeploymentKey("inference", "llama-8b");

  @Test
  void readsStopOnceTheTicksBudgetIsSpentAndResumeNextTick() {
    AtomicLong clock = new AtomicLong();
    AtomicInteger calls = new AtomicInteger();
    // every read takes 4 s of wall time
    MetricsSource slow =
        (keys, at) -> {
          calls.incrementAndGet();
          clock.addAndGet(Duration.ofSeconds(4).toNanos());
          return Map.of(KEY, MetricsSnapshot.missing(KEY, at));
        };
    BudgetedHistory history = new BudgetedHistory(slow, Duration.ofSeconds(10), clock::get);
    Instant at = Instant.parse("2026-12-05T10:00:00Z");

    history.newTick();
    for (int i = 0; i < 3; i++) {
      assertThat(history.snapshot(List.of(KEY), at)).containsKey(KEY);
    }
    assertThatThrownBy(() -> history.snapshot(List.of(KEY), at))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "past reads stopped: this tick spent its budget of 10s on them (Prometheus answers"
                + " slowly); the forecast is warmed from what was read");
    assertThat(calls).hasValue(3);

    history.newTick();
    assertThat(history.snapshot(List.of(KEY), at)).containsKey(KEY);
    assertThat(calls).hasValue(4);
  }

  @Test
  void aReadThatThrowsStillCountsItsTime() {
    AtomicLong clock = new AtomicLong();
    MetricsSource failing =
        (keys, at) -> {
          clock.addAndGet(Duration.ofSeconds(11).toNanos());
          throw new IllegalStateException("timeout");
        };
    BudgetedHistory history = new BudgetedHistory(failing, Duration.ofSeconds(10), clock::get);
    history.newTick();
    assertThatThrownBy(() -> history.snapshot(List.of(KEY), Instant.EPOCH)).hasMessage("timeout");
    assertThatThrownBy(() -> history.snapshot(List.of(KEY), Instant.EPOCH))
        .hasMessageStartingWith("past reads stopped");
  }
}

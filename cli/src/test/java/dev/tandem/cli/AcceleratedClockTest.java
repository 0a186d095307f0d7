package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The simulated clock of {@code serve --simulate} and the console's handle on its speed. */
class AcceleratedClockTest {

  @Test
  void standsAtTheEpochUntilStartedWhateverTheSpeed() {
    AcceleratedClock clock = new AcceleratedClock(60);
    clock.speed(600);
    assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
    assertThat(clock.speed()).isEqualTo(600);
  }

  @Test
  void aSpeedChangeKeepsTimeContinuous() throws InterruptedException {
    AcceleratedClock clock = new AcceleratedClock(1000);
    clock.start();
    Thread.sleep(50); // ≥ 50 simulated seconds at 1000×
    Instant before = clock.instant();
    clock.speed(1);
    Instant after = clock.instant();
    // a clock that swapped the speed without re-basing would jump back to ~50 ms
    assertThat(before).isAfterOrEqualTo(Instant.EPOCH.plusSeconds(50));
    assertThat(after).isAfterOrEqualTo(before);
    assertThat(Duration.between(before, after)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void theConsoleMaySetOnlySpeedsWithinItsBounds() {
    ConsoleClock console = new ConsoleClock(new AcceleratedClock(60), "azure-mix");
    assertThatThrownBy(() -> console.speed(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1.0, 600.0]");
    assertThatThrownBy(() -> console.speed(601)).isInstanceOf(IllegalArgumentException.class);
    console.speed(120);
    assertThat(console.speed()).isEqualTo(120);
    assertThat(console.finished()).isEmpty();
    console.finish("the replay ended");
    assertThat(console.finished()).contains("the replay ended");
  }
}

package dev.tandem.planner.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueScaleBurstinessTest {

  @Test
  void theExcessOverPoissonScalesWithTheInterval() {
    assertThat(QueueScaleBurstiness.of(45, Duration.ofSeconds(10))).isCloseTo(5.4, within(1e-12));
    assertThat(QueueScaleBurstiness.of(1, Duration.ofSeconds(10))).isEqualTo(1.0);
    // smoother than Poisson stays smoother, never below zero
    assertThat(QueueScaleBurstiness.of(0.5, Duration.ofSeconds(10))).isCloseTo(0.95, within(1e-12));
    assertThat(QueueScaleBurstiness.of(-30, Duration.ofSeconds(2))).isZero();
  }

  @Test
  void anIntervalAtOrBelowTheQueueScaleIsTakenAsItIs() {
    assertThat(QueueScaleBurstiness.of(3.1, Duration.ofSeconds(1))).isEqualTo(3.1);
    assertThat(QueueScaleBurstiness.of(3.1, Duration.ofMillis(200))).isEqualTo(3.1);
  }

  @Test
  void nanStaysNan() {
    assertThat(QueueScaleBurstiness.of(Double.NaN, Duration.ofSeconds(10))).isNaN();
  }
}

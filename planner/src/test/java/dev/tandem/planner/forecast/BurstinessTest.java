package dev.tandem.planner.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BurstinessTest {

  private static final DeploymentKey KEY = new DeploymentKey("ns", "d");
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private static MetricsSnapshot reading(Instant at, double cv2) {
    return MetricsSnapshot.builder(KEY, at).arrivalRate(30).arrivalCv2(cv2).build();
  }

  @Test
  void oneClumpDoesNotMoveTheMedianOfTenMinutes() {
    Map<String, Double> values = new HashMap<>();
    double[] readings = {3.1, 2.4, 4.0, 137.5, 3.6, 2.9, 5.2, 3.3, 99.9, 3.8, 4.4};
    for (int i = 0; i < readings.length; i++) {
      Burstiness.observe(values, reading(T0.plusSeconds(30L * i), readings[i]));
    }
    long now = T0.plusSeconds(300).toEpochMilli();
    // eleven readings within 10 minutes: sorted, the sixth is 3.8
    assertThat(Burstiness.typical(values, now)).isEqualTo(3.8);
  }

  @Test
  void readingsOlderThanTenMinutesAreForgottenAndARealChangeIsFollowed() {
    Map<String, Double> values = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      Burstiness.observe(values, reading(T0.plusSeconds(30L * i), 1.0));
    }
    // the traffic turns bursty: after 5.5 minutes of it the median follows
    for (int i = 20; i < 31; i++) {
      Burstiness.observe(values, reading(T0.plusSeconds(30L * i), 8.0));
    }
    assertThat(Burstiness.typical(values, T0.plusSeconds(30L * 30).toEpochMilli())).isEqualTo(8.0);
    // and long after the last reading nothing is known
    assertThat(Burstiness.typical(values, T0.plus(Duration.ofHours(1)).toEpochMilli())).isNaN();
  }

  @Test
  void aMissingReadingIsNotCounted() {
    Map<String, Double> values = new HashMap<>();
    Burstiness.observe(values, MetricsSnapshot.builder(KEY, T0).arrivalRate(30).build());
    assertThat(Burstiness.typical(values, T0.toEpochMilli())).isNaN();
  }
}

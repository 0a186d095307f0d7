package dev.tandem.planner.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentSlopeTest {

  private static Map<String, Double> readings(double... rates) {
    Map<String, Double> values = new HashMap<>();
    for (int i = 0; i < rates.length; i++) {
      RecentSlope.observe(values, i * 30_000L, rates[i]);
    }
    return values;
  }

  @Test
  void aRampOnTheLineIsItsSlopeUpOrDown() {
    long now = 7 * 30_000L;
    // 0.5 req/s more every 30 s: 1 req/s per minute, exactly on the line
    assertThat(RecentSlope.trend(readings(10, 10.5, 11, 11.5, 12, 12.5, 13, 13.5), now))
        .isCloseTo(1.0 / 60, within(1e-12));
    assertThat(RecentSlope.trend(readings(13.5, 13, 12.5, 12, 11.5, 11, 10.5, 10), now))
        .isCloseTo(-1.0 / 60, within(1e-12));
    // the cold-start slope is the same bound taken one-sided: a fall is no rise
    assertThat(RecentSlope.slope(readings(13.5, 13, 12.5, 12, 11.5, 11, 10.5, 10), now))
        .isCloseTo(-1.0 / 60, within(1e-12));
  }

  @Test
  void readingsThatJumpAboutHaveNoTrend() {
    long now = 7 * 30_000L;
    assertThat(RecentSlope.trend(readings(10, 40, 12, 38, 11, 41, 9, 39), now)).isZero();
  }

  @Test
  void tooFewReadingsAreUnknown() {
    assertThat(RecentSlope.trend(readings(10, 12), 30_000L)).isNaN();
  }
}

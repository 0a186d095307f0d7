package dev.tandem.planner.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The length smoother against mixes that hold, climb, fall and go missing, ticked every 30 s on
 * one-minute window means as the planner sees them (a window mean describes the middle of its
 * window, 30 s back).
 */
class LengthMomentsTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final DeploymentKey KEY = new DeploymentKey("ns", "d");
  private static final double WINDOW = 60;
  private static final double HORIZON = 120;

  private final Map<String, Double> values = new HashMap<>();

  /**
   * Feeds OSL window means of {@code osl(t)} (t = the window's middle) every 30 s up to {@code
   * end}.
   */
  private void feed(DoubleUnaryOperator osl, int fromSeconds, int endSeconds) {
    for (int t = fromSeconds; t <= endSeconds; t += 30) {
      double mean = osl.applyAsDouble(t - WINDOW / 2);
      observe(t, mean);
    }
  }

  private void observe(int t, double oslMean) {
    MetricsSnapshot s =
        MetricsSnapshot.builder(KEY, T0.plusSeconds(t))
            .inputTokens(1000, 1e6)
            .outputTokens(oslMean, oslMean * oslMean)
            .build();
    LengthMoments.observe(values, s);
  }

  private double oslForecast() {
    return LengthMoments.forecast(values, HORIZON, WINDOW)[2];
  }

  @Test
  void aSteadyMixIsForecastAsItIs() {
    feed(t -> 300, 0, 1200);
    assertThat(oslForecast()).isCloseTo(300, within(1e-9));
    assertThat(LengthMoments.forecast(values, HORIZON, WINDOW)[0]).isCloseTo(1000, within(1e-9));
  }

  @Test
  void aClimbingOslIsProjectedToWhereItWillBeAtTheHorizon() {
    // 6 tokens a minute, the azure-mix scenario's climb from 55 to 175 tokens
    DoubleUnaryOperator osl = t -> 55 + 0.1 * t;
    feed(osl, 0, 900);
    double truthAtHorizon = osl.applyAsDouble(900 + HORIZON);
    assertThat(oslForecast()).isCloseTo(truthAtHorizon, within(0.03 * truthAtHorizon));
    // the plain EWMA this model replaced is short by over 10 %: the defect it removes
    double alpha = 1 - Math.exp(-30 / LengthMoments.TAU_SECONDS);
    double ewma = osl.applyAsDouble(-WINDOW / 2);
    for (int t = 30; t <= 900; t += 30) {
      ewma = alpha * osl.applyAsDouble(t - WINDOW / 2) + (1 - alpha) * ewma;
    }
    assertThat(ewma).isLessThan(0.9 * truthAtHorizon);
  }

  @Test
  void aFallingOslIsFollowedAtTheLevelNotProjectedDown() {
    DoubleUnaryOperator osl = t -> 200 - 0.1 * t;
    feed(osl, 0, 900);
    double level = values.get("osl.mean");
    assertThat(oslForecast()).isEqualTo(level);
    assertThat(level).isGreaterThan(osl.applyAsDouble(900));
  }

  @Test
  void noisyWindowsOnAFlatMixAddOnlyASmallMargin() {
    SplittableRandom r = new SplittableRandom(7);
    double sum = 0;
    int n = 0;
    for (int t = 0; t <= 7200; t += 30) {
      // a window of ~300 requests with OSL cv 1: the mean's standard error is ~6 %
      observe(t, 200 * (1 + 0.06 * r.nextGaussian()));
      if (t >= 600) {
        sum += oslForecast();
        n++;
      }
    }
    double meanForecast = sum / n;
    assertThat(meanForecast).isBetween(200.0, 210.0);
  }

  @Test
  void growthIsCappedAtHalfAgainTheLevel() {
    feed(t -> 10 + 2.0 * t, 0, 300);
    double level = values.get("osl.mean");
    assertThat(oslForecast()).isCloseTo(LengthMoments.MAX_GROWTH * level, within(1e-9));
  }

  @Test
  void aMissingWindowKeepsTheEstimateAndTheTrend() {
    feed(t -> 55 + 0.1 * t, 0, 600);
    double before = oslForecast();
    MetricsSnapshot gap = MetricsSnapshot.builder(KEY, T0.plusSeconds(630)).build();
    assertThat(gap.outputTokensMean().isOk()).isFalse();
    LengthMoments.observe(values, gap);
    assertThat(oslForecast()).isEqualTo(before);
  }

  @Test
  void zerosBeforeAnyObservation() {
    assertThat(LengthMoments.forecast(values, HORIZON, WINDOW)).containsExactly(0, 0, 0, 0);
  }
}

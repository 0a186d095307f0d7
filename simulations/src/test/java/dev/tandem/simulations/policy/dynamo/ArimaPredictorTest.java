package dev.tandem.simulations.policy.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArimaPredictorTest {

  private static ArimaPredictor fed(double... values) {
    ArimaPredictor p = new ArimaPredictor();
    for (double v : values) {
      p.addDataPoint(v);
    }
    return p;
  }

  @Test
  void fewerThanFivePointsGiveTheLastValue() {
    assertThat(new ArimaPredictor().predictNext()).isNaN();
    assertThat(fed(10).predictNext()).isEqualTo(10);
    assertThat(fed(10, 30, 20, 50).predictNext()).isEqualTo(50);
    assertThat(fed(10, 30, 20, 50).lastFit()).isEmpty();
  }

  @Test
  void aConstantBufferGivesItsValue() {
    ArimaPredictor p = fed(7, 7, 7, 7, 7, 7);
    assertThat(p.predictNext()).isEqualTo(7);
    assertThat(p.lastFit()).isEmpty();
  }

  @Test
  void onlyTheLastHundredValuesCount() {
    ArimaPredictor p = new ArimaPredictor();
    Random rnd = new Random(3);
    for (int i = 0; i < 50; i++) {
      p.addDataPoint(1000 * rnd.nextDouble());
    }
    for (int i = 0; i < ArimaPredictor.WINDOW; i++) {
      p.addDataPoint(7);
    }
    assertThat(p.predictNext()).isEqualTo(7);
  }

  @Test
  void nanAndInfinityAreBufferedAsZeroWithoutExceptions() {
    assertThatCode(
            () -> {
              ArimaPredictor p = fed(10, 12, Double.NaN, 11, 13, 12, Double.POSITIVE_INFINITY, 14);
              assertThat(p.predictNext()).isFinite().isNotNegative();
              assertThat(
                      fed(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN).predictNext())
                  .isZero();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void forecastsAreClampedAtZero() {
    // A falling line of 12 points: d = 1 with constant differences, continued to −5.
    ArimaPredictor p = fed(115, 105, 95, 85, 75, 65, 55, 45, 35, 25, 15, 5);
    assertThat(p.predictNext()).isZero();
    assertThat(p.lastFit().orElseThrow().d()).isEqualTo(1);
  }

  @Test
  void theForecastIsCachedUntilTheNextValue() {
    ArimaPredictor p = fed(5, 9, 4, 8, 6, 7, 3);
    double first = p.predictNext();
    assertThat(p.predictNext()).isEqualTo(first);
    p.addDataPoint(100);
    assertThat(p.predictNext()).isNotEqualTo(first);
  }

  @Test
  void dynamoDefaultsForecastWithArima() {
    DynamoSettings s = DynamoSettings.defaults(200, 10);
    assertThat(s.predictor().get()).isInstanceOf(ArimaPredictor.class);
    assertThat(s.withPredictor(LastValuePredictor::new).predictor().get())
        .isInstanceOf(LastValuePredictor.class);
  }

  /**
   * Requests per 180 s interval under the dynamo-sinusoid load, λ(t) = 25 − 20 cos(2πt/600) req/s:
   * {@code ∫λ = 25·180 − (20·600/2π)(sin 2πb/600 − sin 2πa/600)} over [a, b], with Poisson noise
   * (normal approximation, seeded). Sampling every 180 s moves the phase 108° per interval, so the
   * last value is a poor forecast and an ARMA(2, ·) can follow the turn. Measured (one-step mean
   * absolute error, ARIMA / last value, the first four forecasts being the last value): 1 h (19
   * forecasts) 2333 / 3247 requests (0.72); 10 h 282 / 3112 (0.09).
   */
  @ParameterizedTest
  @CsvSource({"20, 0.8", "200, 0.15"})
  void sampledSinusoidIsForecastBetterThanByLastValue(int intervals, double maxRatio) {
    Random rnd = new Random(42);
    double[] y = new double[intervals];
    for (int i = 0; i < intervals; i++) {
      double a = i * 180.0;
      double b = a + 180;
      double mean =
          25 * 180
              - 20
                  * 600
                  / (2 * Math.PI)
                  * (Math.sin(2 * Math.PI * b / 600) - Math.sin(2 * Math.PI * a / 600));
      y[i] = Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian());
    }
    ArimaPredictor arima = new ArimaPredictor();
    LastValuePredictor last = new LastValuePredictor();
    double arimaError = 0;
    double lastError = 0;
    for (int i = 0; i + 1 < intervals; i++) {
      arima.addDataPoint(y[i]);
      last.addDataPoint(y[i]);
      arimaError += Math.abs(arima.predictNext() - y[i + 1]);
      lastError += Math.abs(last.predictNext() - y[i + 1]);
    }
    System.out.printf(
        "sinusoid, %d intervals: one-step MAE ARIMA %.0f, last value %.0f requests (ratio %.3f)%n",
        intervals,
        arimaError / (intervals - 1),
        lastError / (intervals - 1),
        arimaError / lastError);
    assertThat(arimaError).isLessThan(maxRatio * lastError);
  }
}

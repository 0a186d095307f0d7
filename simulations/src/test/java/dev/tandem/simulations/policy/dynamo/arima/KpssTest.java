package dev.tandem.simulations.policy.dynamo.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KpssTest {

  /**
   * x = 1, 2, 3, 4: e = −1.5, −0.5, 0.5, 1.5; partial sums −1.5, −2, −1.5, 0, so η = (2.25 + 4 +
   * 2.25 + 0)/16 = 0.53125. l = ⌊4 · 0.04^{1/4}⌋ = ⌊1.79⌋ = 1; Σe²/n = 5/4; lag-1 products 0.75 −
   * 0.25 + 0.75 = 1.25 with weight 1 − 1/2, so s² = 1.25 + 2 · 0.625/4 = 1.5625 and KPSS = 0.34.
   */
  @Test
  void fourPointLineByHand() {
    assertThat(Kpss.statistic(new double[] {1, 2, 3, 4})).isCloseTo(0.34, within(1e-12));
  }

  /** The statistic of x_t = t (t = 1..n) from power-sum closed forms instead of loops. */
  @ParameterizedTest
  @ValueSource(ints = {5, 10, 37, 100, 250})
  void lineMatchesClosedForm(int n) {
    double[] x = new double[n];
    for (int t = 1; t <= n; t++) {
      x[t - 1] = t;
    }
    assertThat(Kpss.statistic(x)).isCloseTo(closedFormLineStatistic(n), within(1e-9));
  }

  /**
   * With c = (n+1)/2 and u_t = t − c: S_t = t(t − n)/2, so Σ S_t² = ¼ (n² Σt² − 2n Σt³ + Σt⁴); Σ u²
   * = n(n² − 1)/12; the lag-i sum Σ_{t>i} u_t u_{t−i} = Σ_{t>i} u_t² − i Σ_{t>i} u_t with Σ_{t>i}
   * u_t = i(n − i)/2 and Σ_{t>i} u_t² = Σ u² − (Σ_{t≤i} t² − 2c Σ_{t≤i} t + i c²).
   */
  static double closedFormLineStatistic(int n) {
    double nn = n;
    double s2 = nn * (nn + 1) * (2 * nn + 1) / 6;
    double s3 = Math.pow(nn * (nn + 1) / 2, 2);
    double s4 = nn * (nn + 1) * (2 * nn + 1) * (3 * nn * nn + 3 * nn - 1) / 30;
    double eta = 0.25 * (nn * nn * s2 - 2 * nn * s3 + s4) / (nn * nn);
    double sumU2 = nn * (nn * nn - 1) / 12;
    double c = (nn + 1) / 2;
    int lags = (int) Math.floor(4 * Math.pow(nn / 100, 0.25));
    double longRun = sumU2 / nn;
    for (int i = 1; i <= lags; i++) {
      double headSquares = i * (i + 1.0) * (2 * i + 1) / 6 - 2 * c * i * (i + 1.0) / 2 + i * c * c;
      double tailSquares = sumU2 - headSquares;
      double tailSum = i * (nn - i) / 2;
      double lagSum = tailSquares - i * tailSum;
      longRun += 2.0 / nn * (1 - i / (lags + 1.0)) * lagSum;
    }
    return eta / longRun;
  }

  @Test
  void pValueInterpolatesRsTableAndClamps() {
    assertThat(Kpss.pValue(0.2)).isEqualTo(0.10);
    assertThat(Kpss.pValue(0.347)).isCloseTo(0.10, within(1e-12));
    assertThat(Kpss.pValue(0.405)).isCloseTo(0.075, within(1e-12));
    assertThat(Kpss.pValue(0.463)).isCloseTo(0.05, within(1e-12));
    assertThat(Kpss.pValue(0.739)).isCloseTo(0.01, within(1e-12));
    assertThat(Kpss.pValue(5)).isEqualTo(0.01);
    assertThat(Kpss.pValue(Double.NaN)).isNaN();
  }

  @Test
  void ndiffsFollowsTheIntegrationOrder() {
    Random rnd = new Random(7);
    double[] noise = new double[200];
    double[] walk = new double[200];
    double[] twice = new double[200];
    double level = 0;
    double slope = 0;
    for (int t = 0; t < 200; t++) {
      noise[t] = rnd.nextGaussian();
      level += noise[t];
      walk[t] = level;
      slope += rnd.nextGaussian();
      twice[t] = (t == 0 ? 0 : twice[t - 1]) + slope;
    }
    assertThat(Kpss.ndiffs(noise, 0.05, 2)).isZero();
    assertThat(Kpss.ndiffs(walk, 0.05, 2)).isEqualTo(1);
    assertThat(Kpss.ndiffs(twice, 0.05, 2)).isEqualTo(2);
    // A line of 12 points (KPSS 0.517 > 0.463): difference once, and the differences are
    // constant. Ten points (0.457) are not enough to reject level stationarity.
    assertThat(Kpss.ndiffs(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 0.05, 2))
        .isEqualTo(1);
    assertThat(Kpss.ndiffs(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.05, 2)).isZero();
    assertThat(Kpss.ndiffs(new double[] {3, 3, 3}, 0.05, 2)).isZero();
  }
}

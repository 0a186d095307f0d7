package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.planner.history.RoleHistory;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The correction learner on latency models of known shape. */
class CorrectionLearnerTest {

  /** Past the first samples: each step goes by α. */
  private static final long SETTLED = 1000;

  @Test
  void onAProportionalModelTheExplainingKIsTheRatio() {
    DoubleUnaryOperator proportional = k -> 100 * k;
    assertThat(CorrectionLearner.solve(proportional, 130)).isCloseTo(1.3, within(1e-3));
    assertThat(CorrectionLearner.solve(proportional, 70)).isCloseTo(0.7, within(1e-3));
  }

  @Test
  void anObservationOutsideTheModelsReachGivesABound() {
    DoubleUnaryOperator proportional = k -> 100 * k;
    assertThat(CorrectionLearner.solve(proportional, 10)).isEqualTo(CorrectionLearner.MIN);
    assertThat(CorrectionLearner.solve(proportional, 900)).isEqualTo(CorrectionLearner.MAX);
  }

  @Test
  void aModelThatSaturatesWithinTheRangeIsSolvedBelowTheSaturation() {
    // overloaded (∞) from k = 1.5 on: the solution lies below, where the model is finite
    DoubleUnaryOperator saturating = k -> k >= 1.5 ? Double.POSITIVE_INFINITY : 50 / (1.5 - k);
    double k = CorrectionLearner.solve(saturating, 100);
    assertThat(k).isCloseTo(1.0, within(1e-3));
  }

  @Test
  void aSteepModelConvergesWithoutOscillating() {
    // queueing near saturation: latency ∝ k⁴; the engines really are at k = 0.9
    DoubleUnaryOperator steep = k -> 40 * Math.pow(k / 0.9, 4);
    double observed = 40;
    double k = 1.0;
    double previousGap = Math.abs(Math.log(k / 0.9));
    for (int i = 0; i < 8; i++) {
      k = CorrectionLearner.next(k, CorrectionLearner.solve(steep, observed), SETTLED);
      double gap = Math.abs(Math.log(k / 0.9));
      assertThat(k).isGreaterThanOrEqualTo(0.9 - 1e-3); // never overshoots below the truth
      assertThat(gap).isLessThan(previousGap);
      previousGap = gap;
    }
    assertThat(k).isCloseTo(0.9, within(1e-3));

    // the ratio rule it replaced, ln k += ½ ln(observed / predicted), has loop gain ½ × 4 = 2
    // here: it flips across the truth for ever instead of settling
    double ratioK = 1.0;
    int crossings = 0;
    for (int i = 0; i < 8; i++) {
      double before = ratioK;
      double ratio = Math.max(0.5, Math.min(2, observed / steep.applyAsDouble(ratioK)));
      ratioK = Math.exp(Math.log(ratioK) + CorrectionLearner.ALPHA * Math.log(ratio));
      if ((before - 0.9) * (ratioK - 0.9) < 0) {
        crossings++;
      }
    }
    assertThat(crossings).isGreaterThanOrEqualTo(6);
  }

  @Test
  void theFirstObservationIsTakenWholeThenHalfway() {
    assertThat(CorrectionLearner.next(1.0, 1.3, 0)).isCloseTo(1.3, within(1e-12));
    assertThat(CorrectionLearner.next(1.3, 1.3 * 1.21, 1)).isCloseTo(1.3 * 1.1, within(1e-9));
    assertThat(CorrectionLearner.next(1.0, 1.44, 7)).isCloseTo(1.2, within(1e-9));
  }

  @Test
  void eachStepGoesHalfwayInLogSpaceAndStaysInBounds() {
    assertThat(CorrectionLearner.next(1.0, 1.44, SETTLED)).isCloseTo(1.2, within(1e-9));
    assertThat(CorrectionLearner.next(2.0, 5.0, SETTLED)).isEqualTo(2.0);
    assertThat(CorrectionLearner.next(0.5, 0.1, SETTLED)).isEqualTo(0.5);
  }

  @Test
  void theSpreadIsTheMeanSquaredLogGapThenAnEwma() {
    // the first sample's gap from the prior k = 1 is the profile's error, not scatter
    double first = CorrectionLearner.spread(0, 1.0, Math.exp(0.2), 0);
    assertThat(first).isZero();
    double second = CorrectionLearner.spread(first, 1.0, Math.exp(0.2), 1);
    assertThat(second).isCloseTo(0.04, within(1e-12));
    double third = CorrectionLearner.spread(second, 1.0, Math.exp(-0.1), 2);
    assertThat(third).isCloseTo((0.04 + 0.01) / 2, within(1e-12));
    double late = CorrectionLearner.spread(0.04, 1.0, 1.0, 1000);
    assertThat(late).isCloseTo(0.04 * (1 - CorrectionLearner.SPREAD_WEIGHT), within(1e-12));
  }

  @Test
  void sizingWidensKByTheQuantileOfTheScatter() {
    // σ = 0.1 at the P90 (z = 1.2816): k · e^{0.12816}
    assertThat(CorrectionLearner.sizing(1.2, 0.01, 0.9))
        .isCloseTo(1.2 * Math.exp(0.128155), within(1e-5));
    assertThat(CorrectionLearner.sizing(1.2, 0, 0.9)).isEqualTo(1.2);
    assertThat(CorrectionLearner.sizing(1.2, 0.01, 0.5)).isEqualTo(1.2);
  }

  @Test
  void windowsThatScatterAroundTheTruthLearnItAndMeasureTheScatter() {
    // engines at k = 1.2 whose windows each need e^{±0.15} of it, alternately
    DoubleUnaryOperator proportional = k -> 100 * k;
    double k = 1.0;
    double spread = 0;
    for (int i = 0; i < 200; i++) {
      double need = 1.2 * Math.exp(i % 2 == 0 ? 0.15 : -0.15);
      double explaining = CorrectionLearner.solve(proportional, 100 * need);
      spread = CorrectionLearner.spread(spread, k, explaining, i);
      k = CorrectionLearner.next(k, explaining, i);
    }
    // the ½-step EWMA of an alternating series sits within ±0.05 in log of its centre
    assertThat(Math.log(k / 1.2)).isBetween(-0.06, 0.06);
    assertThat(Math.sqrt(spread)).isBetween(0.12, 0.26);
  }

  @Test
  void aSteepModelIsSolvedInAFewEvaluations() {
    int[] calls = {0};
    DoubleUnaryOperator steep =
        k -> {
          calls[0]++;
          return 40 * Math.pow(k / 0.9, 4);
        };
    assertThat(CorrectionLearner.solve(steep, 40)).isCloseTo(0.9, within(1e-3));
    assertThat(calls[0]).isLessThanOrEqualTo(10);
  }

  @Test
  void theRatesMarginAndKsMarginAddInQuadratureNotLinearly() {
    // k = 1.1 with ln k scattering by σ = 0.1: alone it is sized at 1.1 e^{1.2816 · 0.1}
    RoleHistory h = RoleHistory.empty().withCorrection(1.1, 20, 0.01);
    CorrectionStep.Learned learned =
        new CorrectionStep.Learned(
            h, new Explanation(Reason.CORRECTION, "k = 1.100 kept (test)"), h.correction());
    double kMargin = 1.2816 * 0.1;
    double rateMargin = Math.log(1.05); // the forecast's P90 peak is 5 % above its point peak

    double alone = learned.sizedFor(0.9).sizingCorrection();
    double combined = learned.sizedFor(0.9, rateMargin).sizingCorrection();

    assertThat(alone).isCloseTo(1.1 * Math.exp(kMargin), within(1e-3));
    // rate × k together get √(m_rate² + m_k²), of which the rate already has m_rate
    double both = Math.sqrt(rateMargin * rateMargin + kMargin * kMargin);
    assertThat(combined).isCloseTo(1.1 * Math.exp(both - rateMargin), within(1e-3));
    assertThat(combined).isLessThan(alone);
    assertThat(learned.sizedFor(0.9, rateMargin).why().message())
        .contains("combined in quadrature with the forecast's +5.0% on the rate");
    // without a rate margin nothing changes
    assertThat(learned.sizedFor(0.9, 0).sizingCorrection()).isEqualTo(alone);
  }
}

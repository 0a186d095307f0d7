package dev.tandem.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratorsTest {

  record Cv(String name, InterArrival family, double shape, double cv) {}

  static Stream<Cv> families() {
    return Stream.of(
        new Cv("exponential", InterArrival.GAMMA, 1, 1),
        new Cv("gamma k=0.25 (CV 2)", InterArrival.GAMMA, 0.25, 2),
        new Cv("gamma k=4 (CV 0.5)", InterArrival.GAMMA, 4, 0.5),
        // Weibull k=0.5: Γ(5)/Γ(3)² − 1 = 24/4 − 1 = 5, CV = √5
        new Cv("weibull k=0.5", InterArrival.WEIBULL, 0.5, Math.sqrt(5)),
        new Cv("weibull k=1 (exponential)", InterArrival.WEIBULL, 1, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void gapsHaveMeanOneAndThePublishedCv(Cv c) {
    SplittableRandom rng = new SplittableRandom(1);
    int n = 400_000;
    double sum = 0;
    double sum2 = 0;
    for (int i = 0; i < n; i++) {
      double x = c.family().sample(rng, c.shape());
      sum += x;
      sum2 += x * x;
    }
    double mean = sum / n;
    double cv = Math.sqrt(sum2 / n - mean * mean) / mean;
    assertThat(mean).isCloseTo(1, within(0.02));
    assertThat(cv).isCloseTo(c.cv(), within(0.06 * c.cv()));
  }

  @Test
  void sinusoidFollowsItsRateAndIsDeterministic() {
    SinusoidTraceGenerator.Spec spec = SinusoidTraceGenerator.Spec.dynamoReference(1800, 3);

    List<Request> a = SinusoidTraceGenerator.generate(spec);
    List<Request> b = SinusoidTraceGenerator.generate(spec);

    assertThat(a).isEqualTo(b);
    // Λ(1800) = 5·1800 + 20·1800 = 45,000 expected requests, Poisson sd ≈ 212
    assertThat(a.size()).isCloseTo(45_000, within(1_000));
    LoadSeries perMinute = LoadSeriesBinner.bin(a, 60_000_000L);
    assertThat(perMinute.rateAt(0)).isCloseTo(spec.expectedCount(60) / 60, within(2.0));
    assertThat(perMinute.rateAt(4))
        .isCloseTo((spec.expectedCount(300) - spec.expectedCount(240)) / 60, within(2.0));
    assertThat(a.get(0).inputTokens()).isEqualTo(3000);
    assertThat(a.get(0).outputTokens()).isEqualTo(300);
  }

  @Test
  void burstierArrivalsHaveTheGivenCv() {
    SinusoidTraceGenerator.Spec spec =
        new SinusoidTraceGenerator.Spec(10, 10, 600, 5000, 3, LengthSampler.fixed(1, 1), 9);

    List<Request> a = SinusoidTraceGenerator.generate(spec);
    double sum = 0;
    double sum2 = 0;
    for (int i = 1; i < a.size(); i++) {
      double gap = (a.get(i).arrivalMicros() - a.get(i - 1).arrivalMicros()) / 1e6;
      sum += gap;
      sum2 += gap * gap;
    }
    int n = a.size() - 1;
    double mean = sum / n;
    assertThat(mean).isCloseTo(0.1, within(0.01));
    assertThat(Math.sqrt(sum2 / n - mean * mean) / mean).isCloseTo(3, within(0.3));
  }

  @Test
  void compressionAndSuperpositionScaleTheRate() {
    List<Request> base = AzureTraceReader.read(TraceData.azure("conv"));
    long span = RateScaling.spanOf(base);

    List<Request> compressed = RateScaling.compress(base, 2);
    List<Request> superposed = RateScaling.superpose(base, 3, span / 3, span);

    assertThat(compressed).hasSize(base.size());
    assertThat(RateScaling.spanOf(compressed)).isCloseTo(span / 2, within(1L));
    assertThat(superposed).hasSize(3 * base.size());
    assertThat(superposed.get(superposed.size() - 1).arrivalMicros()).isLessThan(span);
    for (int i = 1; i < superposed.size(); i++) {
      assertThat(superposed.get(i).arrivalMicros())
          .isGreaterThanOrEqualTo(superposed.get(i - 1).arrivalMicros());
    }
  }

  record Quantiles(String name, LengthQuantiles q, double expectedMean) {}

  static Stream<Quantiles> quantiles() {
    return Stream.of(
        // ∫ over [0, .99] = .5·(1+200)/2 + .4·(200+500)/2 + .09·(500+900)/2 = 253.25;
        // qMax = 2·(270 − 253.25)/.01 − 900 = 2450 is inside [900, 3600]: the mean is matched
        new Quantiles("mean reachable", new LengthQuantiles(270, 200, 500, 900), 270),
        // mean 200 < 253.25 + .01·900: qMax clamps to p99, mean = 253.25 + 9
        new Quantiles("mean below the knots", new LengthQuantiles(200, 200, 500, 900), 262.25),
        // mean 1000 would need qMax = 73,450: clamps to 4·p99, mean = 253.25 + .01·(900+3600)/2
        new Quantiles("heavy tail clamped", new LengthQuantiles(1000, 200, 500, 900), 275.75));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantiles")
  void lengthQuantilesPassThroughTheirKnots(Quantiles c) {
    LengthQuantiles q = c.q();

    assertThat(q.quantile(0.5)).isEqualTo(200);
    assertThat(q.quantile(0.9)).isEqualTo(500);
    assertThat(q.quantile(0.99)).isEqualTo(900);
    double mean = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      mean += q.quantile((i + 0.5) / n);
    }
    assertThat(mean / n).isCloseTo(c.expectedMean(), within(0.5));
  }

  @Test
  void lengthOnlyFilesReadAsPairs() {
    List<Lengths> sharegpt =
        LengthOnlyReader.read(
            TraceData.traces()
                .resolve(
                    "length_only_sharegpt_arxiv/sharegpt_8k_filtered_stats_llama2_tokenizer.csv.gz"));

    assertThat(sharegpt).hasSize(30_731);
    assertThat(sharegpt.get(0)).isEqualTo(new Lengths(74, 918));
  }
}

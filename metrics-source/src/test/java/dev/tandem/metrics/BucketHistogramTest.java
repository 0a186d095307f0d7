package dev.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.metrics.BucketHistogram.Bucket;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketHistogramTest {

  static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void quantileInterpolatesInsideItsBucketLikeHistogramQuantile() {
    // 10 observations: 4 in (0, 10], 4 in (10, 20], 2 in (20, +Inf)
    BucketHistogram h =
        new BucketHistogram(List.of(new Bucket(20, 8), new Bucket(10, 4), new Bucket(INF, 10)));
    // p50: rank 5, second bucket holds ranks 4..8 → 10 + 10·(5−4)/4 = 12.5
    BucketHistogram.Percentile p50 = h.quantile(0.5);
    assertThat(p50.value()).isEqualTo(12.5);
    assertThat(p50.lower()).isEqualTo(10);
    assertThat(p50.upper()).isEqualTo(20);
    // p90: rank 9 is in +Inf, so the answer is the highest finite bound, a lower bound
    BucketHistogram.Percentile p90 = h.quantile(0.9);
    assertThat(p90.value()).isEqualTo(20);
    assertThat(p90.inOverflowBucket()).isTrue();
  }

  @Test
  void noObservationsHaveNoQuantile() {
    BucketHistogram h = new BucketHistogram(List.of(new Bucket(1, 0), new Bucket(INF, 0)));
    assertThat(h.quantile(0.9).value()).isNaN();
    assertThat(h.secondMoment(0)).isNaN();
  }

  @Test
  void nonMonotoneBucketRatesAreRepairedAsPrometheusDoes() {
    BucketHistogram h =
        new BucketHistogram(List.of(new Bucket(1, 5), new Bucket(2, 4.9), new Bucket(INF, 10)));
    assertThat(h.quantile(0.5).value()).isEqualTo(1.0);
  }

  @Test
  void secondMomentIsExactForAPointMassAndGroupedOtherwise() {
    // all lengths in (2000, 5000]: midpoint variance 0, so E[X²] = mean² exactly
    BucketHistogram point =
        new BucketHistogram(List.of(new Bucket(2000, 0), new Bucket(5000, 7), new Bucket(INF, 7)));
    assertThat(point.secondMoment(3000)).isEqualTo(9e6);
    // half at midpoint 5, half at 15: variance 25
    BucketHistogram two =
        new BucketHistogram(List.of(new Bucket(10, 1), new Bucket(20, 2), new Bucket(INF, 2)));
    assertThat(two.secondMoment(10)).isCloseTo(125, within(1e-9));
  }
}

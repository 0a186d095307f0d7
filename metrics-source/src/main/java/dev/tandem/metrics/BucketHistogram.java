package dev.tandem.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Prometheus histogram read back as cumulative bucket rates ({@code le} upper bounds, the last
 * {@code +Inf}): its count, percentiles with the bucket that bounds them, and length moments.
 *
 * <p><b>Percentile</b> is Prometheus' {@code histogram_quantile}: rank {@code r = q·count}; the
 * first bucket whose cumulative count reaches r holds it; the value is interpolated linearly
 * between the bucket's lower bound (0 for the first bucket) and its upper bound; a rank in the
 * {@code +Inf} bucket returns the highest finite bound. The true percentile is only known to lie in
 * {@code (lower, upper]}; {@link Percentile#lower()} and {@link Percentile#upper()} say so.
 *
 * <p><b>Second moment</b> is grouped-data estimation: the variance of bucket midpoints weighted by
 * their counts, added to the square of the exact mean ({@code _sum/_count}). For a smooth density
 * it over-estimates the variance by about {@code Σ p_i·width_i²/12} (Sheppard); for lengths
 * concentrated at a point it is exact at the bucket's midpoint. The {@code +Inf} bucket is placed
 * at its lower bound (an under-estimate). The estimate is never below mean².
 */
final class BucketHistogram {

  /** One cumulative bucket: observations per second at or below {@code upper}. */
  record Bucket(double upper, double cumulative) {}

  /** A percentile and the bucket that holds it. */
  record Percentile(double value, double lower, double upper) {
    boolean inOverflowBucket() {
      return Double.isInfinite(upper);
    }
  }

  private final List<Bucket> buckets;

  BucketHistogram(List<Bucket> buckets) {
    List<Bucket> sorted = new ArrayList<>(buckets);
    sorted.sort(Comparator.comparingDouble(Bucket::upper));
    // Rates of separately scraped buckets can break monotonicity by rounding; Prometheus fixes
    // this the same way (a running maximum).
    double max = 0;
    List<Bucket> fixed = new ArrayList<>();
    for (Bucket b : sorted) {
      max = Math.max(max, b.cumulative());
      fixed.add(new Bucket(b.upper(), max));
    }
    this.buckets = List.copyOf(fixed);
  }

  boolean hasOverflowBucket() {
    return !buckets.isEmpty() && Double.isInfinite(buckets.get(buckets.size() - 1).upper());
  }

  /** Observations per second (the {@code +Inf} bucket), NaN without one. */
  double count() {
    return hasOverflowBucket() ? buckets.get(buckets.size() - 1).cumulative() : Double.NaN;
  }

  int size() {
    return buckets.size();
  }

  /** {@code histogram_quantile(q)}; NaN value when there are no observations. */
  Percentile quantile(double q) {
    double total = count();
    if (!(total > 0) || buckets.size() < 2) {
      return new Percentile(Double.NaN, Double.NaN, Double.NaN);
    }
    double rank = q * total;
    double prevUpper = 0;
    double prevCum = 0;
    for (int i = 0; i < buckets.size(); i++) {
      Bucket b = buckets.get(i);
      if (b.cumulative() >= rank) {
        if (Double.isInfinite(b.upper())) {
          return new Percentile(prevUpper, prevUpper, b.upper());
        }
        double lower = i == 0 && b.upper() <= 0 ? b.upper() : prevUpper;
        double inBucket = b.cumulative() - prevCum;
        double value =
            inBucket <= 0 ? b.upper() : lower + (b.upper() - lower) * (rank - prevCum) / inBucket;
        return new Percentile(value, lower, b.upper());
      }
      prevUpper = b.upper();
      prevCum = b.cumulative();
    }
    return new Percentile(Double.NaN, Double.NaN, Double.NaN);
  }

  /** E[X²] from the bucket midpoints' variance and the exact mean (see the class Javadoc). */
  double secondMoment(double exactMean) {
    double total = count();
    if (!(total > 0)) {
      return Double.NaN;
    }
    double prevUpper = 0;
    double prevCum = 0;
    double m1 = 0;
    double m2 = 0;
    for (Bucket b : buckets) {
      double n = b.cumulative() - prevCum;
      double point = Double.isInfinite(b.upper()) ? prevUpper : (prevUpper + b.upper()) / 2;
      m1 += n * point;
      m2 += n * point * point;
      prevUpper = Double.isInfinite(b.upper()) ? prevUpper : b.upper();
      prevCum = b.cumulative();
    }
    m1 /= total;
    m2 /= total;
    double variance = Math.max(0, m2 - m1 * m1);
    return exactMean * exactMean + variance;
  }
}

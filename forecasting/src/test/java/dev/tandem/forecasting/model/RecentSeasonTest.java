package dev.tandem.forecasting.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The period test: a swing of minutes is found under sampling noise, and series without one (white
 * noise, a random walk, a ramp, too few cycles) are not given one. Each case is seeded; the seed is
 * in its name.
 */
class RecentSeasonTest {

  /** A 60 s window's rate at 30 s ticks: Poisson counts of λ·60 arrivals, divided by 60. */
  private static double windowRate(double lambda, SplittableRandom r) {
    // normal approximation of a Poisson count of mean λ·60 (λ ≥ 5 here: ≥ 300 arrivals)
    double mean = lambda * 60;
    return Math.max(0, mean + Math.sqrt(mean) * gaussian(r)) / 60;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  record Case(String name, long seed, double[] series, int expected) {
    @Override
    public String toString() {
      return name + " (seed " + seed + ")";
    }
  }

  static Stream<Case> cases() {
    return LongStream.of(1, 2, 3, 42)
        .boxed()
        .flatMap(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              int n = 120;
              double[] sinusoid = new double[n];
              double[] noise = new double[n];
              double[] walk = new double[n];
              double[] ramp = new double[n];
              double[] square = new double[n];
              double[] short_ = new double[35];
              double level = 25;
              for (int t = 0; t < n; t++) {
                sinusoid[t] = windowRate(25 - 20 * Math.cos(2 * Math.PI * t / 20), r);
                noise[t] = windowRate(25, r);
                level = Math.max(5, level + gaussian(r));
                walk[t] = windowRate(level, r);
                ramp[t] = windowRate(5 + 0.3 * t, r);
                square[t] = windowRate((t / 6) % 2 == 0 ? 10 : 30, r);
              }
              for (int t = 0; t < short_.length; t++) {
                short_[t] = windowRate(25 - 20 * Math.cos(2 * Math.PI * t / 20), r);
              }
              return Stream.of(
                  new Case("benchmark sinusoid, period 20 ticks", seed, sinusoid, 20),
                  new Case("square wave, period 12 ticks", seed, square, 12),
                  new Case("Poisson noise at a constant rate", seed, noise, 0),
                  new Case("random walk", seed, walk, 0),
                  new Case("ramp", seed, ramp, 0),
                  new Case("1.75 cycles only", seed, short_, 0));
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsThePeriodOnlyWhereThereIsOne(Case c) {
    int found = RecentSeason.detect(c.series());
    if (c.expected() == 0) {
      assertThat(found).isZero();
    } else {
      assertThat(found).isBetween(c.expected() - 1, c.expected() + 1);
    }
  }

  @Test
  void forecastsTheComingRiseAtTheTroughWhereTheLastValueStaysFlat() {
    RecentSeason m = new RecentSeason(512);
    SplittableRandom r = new SplittableRandom(7);
    int n = 100; // 5 cycles; tick 99 is one before a trough (t = 100)
    for (int t = 0; t < n; t++) {
      m.observe(windowRate(25 - 20 * Math.cos(2 * Math.PI * t / 20), r));
    }
    assertThat(m.period()).isEqualTo(20);
    double[] path = new double[4];
    m.forecast(path);
    // truth at the trough t = 100 is 5; at t = 103 it is 25 − 20 cos(2π·3/20) = 13.24 while the
    // last value (t = 99: 5.2) stays flat
    assertThat(path[0]).isBetween(4.0, 6.5);
    assertThat(path[3]).isBetween(11.5, 15.0);
  }

  @Test
  void stateRoundTripsWithItsPeriod() {
    RecentSeason a = new RecentSeason(64);
    for (int t = 0; t < 60; t++) {
      a.observe(25 - 20 * Math.cos(2 * Math.PI * t / 12));
    }
    RecentSeason b = new RecentSeason(64);
    b.restore(a.save());
    double[] pa = new double[5];
    double[] pb = new double[5];
    a.forecast(pa);
    b.forecast(pb);
    assertThat(b.period()).isEqualTo(12);
    assertThat(pb).containsExactly(pa);
  }
}

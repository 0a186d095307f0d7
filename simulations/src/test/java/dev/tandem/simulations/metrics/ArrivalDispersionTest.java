package dev.tandem.simulations.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ArrivalDispersionTest {

  private static final long TAU = 10_000_000;
  private static final long RANGE = 600_000_000;

  @Test
  void countsWorkedByHand() {
    ArrivalDispersion d = new ArrivalDispersion(TAU, RANGE, 0);
    int[] counts = {4, 6, 2, 8};
    for (int i = 0; i < counts.length; i++) {
      for (int k = 0; k < counts[i]; k++) {
        d.closeUpTo(i * TAU + 1);
        d.arrival();
      }
    }
    d.closeUpTo(counts.length * TAU);
    // differences 2, −4, 6: Σd² = 56 over 2·3 differences, mean 5 → 56 / 30
    assertThat(d.allanFactor(counts.length * TAU)).isCloseTo(56.0 / 30, within(1e-12));
    // the newest interval is not visible before its end: 4, 6, 2 alone has too few differences
    assertThat(d.allanFactor(counts.length * TAU - 1)).isNaN();
  }

  @Test
  void poissonArrivalsReadOne() {
    ArrivalDispersion d = poisson(t -> 20, 42);
    assertThat(d.allanFactor(RANGE)).isCloseTo(1.0, within(0.25));
  }

  @Test
  void aSwingOfTheRateIsNotBurstiness() {
    // 5 → 45 req/s and back over 10 minutes: the plain variance-to-mean ratio of these counts is
    // about 80; the neighbouring differences hold only the change within 10 s
    ArrivalDispersion d = poisson(t -> 25 - 20 * Math.cos(2 * Math.PI * t / 600), 7);
    assertThat(d.allanFactor(RANGE)).isBetween(0.9, 1.7);
  }

  @Test
  void clumpsOfSimultaneousArrivalsAreBurstiness() {
    // every 30 s a clump of 40 simultaneous requests on top of 5 req/s Poisson
    SplittableRandom r = new SplittableRandom(3);
    double t = 0;
    ArrivalDispersion clumped = new ArrivalDispersion(TAU, RANGE, 0);
    long nextClump = 15_000_000;
    while (t < RANGE / 1e6) {
      t += -Math.log(1 - r.nextDouble()) / 5;
      long at = (long) (t * 1e6);
      while (nextClump <= at) {
        clumped.closeUpTo(nextClump);
        for (int k = 0; k < 40; k++) {
          clumped.arrival();
        }
        nextClump += 30_000_000;
      }
      clumped.closeUpTo(at);
      clumped.arrival();
    }
    clumped.closeUpTo(RANGE);
    // 40 more in one interval of three: mean 63 per interval, differences of ±40 in two of three
    // (≈ 1070 on average) over 2 · 63: about 8.4 with the Poisson part
    assertThat(clumped.allanFactor(RANGE)).isBetween(6.0, 11.0);
  }

  @Test
  void onlyTheRangeCounts() {
    ArrivalDispersion d = new ArrivalDispersion(TAU, 6 * TAU, 0);
    // a clump long ago, then a steady 10 per interval: once the clump is out of range it reads 0
    for (int k = 0; k < 500; k++) {
      d.arrival();
    }
    for (int i = 1; i <= 12; i++) {
      d.closeUpTo(i * TAU);
      for (int k = 0; k < 10; k++) {
        d.arrival();
      }
    }
    d.closeUpTo(13 * TAU);
    assertThat(d.allanFactor(13 * TAU)).isZero();
    assertThat(d.allanFactor(6 * TAU)).isGreaterThan(100);
  }

  @Test
  void refusesARangeTooShortForThreeDifferences() {
    assertThatThrownBy(() -> new ArrivalDispersion(TAU, 3 * TAU, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 4 intervals");
  }

  /** Poisson arrivals at {@code rate(t)} req/s (t in s) over the range, by thinning at 50 req/s. */
  private static ArrivalDispersion poisson(DoubleUnaryOperator rate, long seed) {
    ArrivalDispersion d = new ArrivalDispersion(TAU, RANGE, 0);
    SplittableRandom r = new SplittableRandom(seed);
    double t = 0;
    while (true) {
      t += -Math.log(1 - r.nextDouble()) / 50;
      if (t >= RANGE / 1e6) {
        break;
      }
      if (r.nextDouble() < rate.applyAsDouble(t) / 50) {
        d.closeUpTo((long) (t * 1e6));
        d.arrival();
      }
    }
    d.closeUpTo(RANGE);
    return d;
  }
}

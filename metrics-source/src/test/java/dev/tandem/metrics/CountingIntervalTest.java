package dev.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountingIntervalTest {

  private static final Duration TEN = Duration.ofSeconds(10);
  private static final Duration RANGE = Duration.ofMinutes(10);

  @ParameterizedTest(name = "scrape {0} s, configured {1} s → {2} s")
  @CsvSource({
    // a whole number of scrapes already: unchanged
    "1, 10, 10",
    "5, 10, 10",
    "10, 10, 10",
    "2, 3, 4",
    // the smallest whole multiple at least the configured interval
    "15, 10, 15",
    "30, 10, 30",
    "4, 10, 12",
    "7, 10, 14",
    "60, 10, 60",
    // a range that is not a whole number of scrapes reads slightly off: rounded to the second
    "15.3, 10, 15",
    "29.6, 10, 30",
    // sub-second scrapes round to tenths
    "0.25, 1, 1.2",
  })
  void theIntervalIsTheSmallestWholeNumberOfScrapesAtLeastTheConfiguredOne(
      double scrape, double configured, double expected) {
    CountingInterval c =
        CountingInterval.choose(
            Duration.ofMillis((long) (configured * 1000)), RANGE, List.of(scrape));
    assertThat(c.tau()).isEqualTo(Duration.ofMillis(Math.round(expected * 1000)));
    assertThat(c.problem()).isEmpty();
    assertThat(c.note().isEmpty()).isEqualTo(expected == configured);
  }

  @ParameterizedTest(name = "scrapes {0} s and {1} s → {2} s")
  @CsvSource({"10, 15, 30", "5, 10, 10", "4, 6, 12"})
  void deploymentsScrapedAtDifferentIntervalsShareTheirLeastCommonMultiple(
      double a, double b, long expected) {
    CountingInterval c = CountingInterval.choose(TEN, RANGE, List.of(a, b, a));
    assertThat(c.tau()).isEqualTo(Duration.ofSeconds(expected));
    if (expected != 10) {
      assertThat(c.note())
          .contains("scrape interval " + (long) a + "s and " + (long) b + "s: counted per");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"NaN", "Infinity", "0", "-5"})
  void withoutAReadableScrapeIntervalTheConfiguredOneIsUsedAndSaid(double bad) {
    CountingInterval c = CountingInterval.choose(TEN, RANGE, List.of(bad));
    assertThat(c.tau()).isEqualTo(TEN);
    assertThat(c.problem()).isEmpty();
    assertThat(c.note()).isEqualTo("; scrape interval not read, counted per the configured 10s");
    assertThat(CountingInterval.choose(TEN, RANGE, List.of()).note()).isEqualTo(c.note());
  }

  @ParameterizedTest(name = "scrape {0} s in a {1} s range")
  @CsvSource({"240, 600", "30, 60", "7, 40"})
  void fewerThanThreeIntervalsInTheRangeIsAProblemNamingTheSetting(long scrape, long range) {
    CountingInterval c =
        CountingInterval.choose(TEN, Duration.ofSeconds(range), List.of((double) scrape));
    assertThat(c.problem())
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .startsWith("scrape interval " + scrape + "s: counts must span")
                    .contains("fit the dispersion range " + range + "s")
                    .contains("tandem.prometheus.dispersion-range"));
  }

  @ParameterizedTest(name = "scrape {0} s in a {1} s range")
  @CsvSource({"200, 600", "20, 60"})
  void exactlyThreeIntervalsAreEnough(long scrape, long range) {
    CountingInterval c =
        CountingInterval.choose(TEN, Duration.ofSeconds(range), List.of((double) scrape));
    assertThat(c.problem()).isEmpty();
    assertThat(c.tau()).isEqualTo(Duration.ofSeconds(scrape));
  }
}

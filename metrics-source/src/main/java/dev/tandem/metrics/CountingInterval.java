package dev.tandem.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The interval τ the arrival counts of the burstiness signal are taken over, fitted to how often
 * Prometheus scrapes the completion counter.
 *
 * <p>A count is the difference of the counter's newest samples at the two ends of an interval, so
 * an interval holds the arrivals of a whole number of scrapes. When τ is a whole multiple of the
 * scrape interval s, every count spans exactly τ of arrivals. When it is not, the counts alternate
 * between spans (with s = 15 s and τ = 10 s, between 0 and 15 s of arrivals; with s = 4 s, between
 * 8 and 12 s), and the Allan factor reads the alternation as burstiness, by an amount that grows
 * with the rate: at 100 req/s, τ = 10 s and s = 4 s it adds about 20 to a Poisson load's 1. Most
 * clusters scrape every 15 or 30 s, where the default τ of 10 s is not a whole number of scrapes.
 *
 * <p>So τ is the smallest whole multiple of the scrape interval (of every deployment in the group:
 * their least common multiple) that is at least the configured one: 15 s for s = 15 s, 30 s for s =
 * 30 s, 10 s for s = 5 s. The scrape interval is the median over the counter's series of {@code r /
 * count_over_time(counter[r])} (r two minutes, or half the dispersion range when shorter; series
 * younger than r are left out, since they read long), rounded to whole seconds (100 ms below one
 * second). When it cannot be read, the configured τ is used and the reason says so. When fewer than
 * three intervals fit the dispersion range, the signal is not computed: a range of m intervals
 * gives m − 1 differences, and two differences say nothing.
 *
 * @param tau the counting interval to use
 * @param problem why no interval fits, when none does
 * @param note what the scrape interval did to τ, for the reason text ("" when nothing)
 */
record CountingInterval(Duration tau, Optional<String> problem, String note) {

  /** Fewest counting intervals in the dispersion range. */
  static final int MIN_INTERVALS = 3;

  static CountingInterval choose(
      Duration configured, Duration range, Collection<Double> spacingSeconds) {
    TreeSet<Long> spacings = new TreeSet<>();
    for (double s : spacingSeconds) {
      if (Double.isFinite(s) && s > 0) {
        spacings.add(roundedMillis(s));
      }
    }
    if (spacings.isEmpty()) {
      return new CountingInterval(
          configured,
          Optional.empty(),
          "; scrape interval not read, counted per the configured " + PromQl.duration(configured));
    }
    long lcm = 1;
    for (long s : spacings) {
      lcm = lcm(lcm, s);
      if (lcm > range.toMillis()) {
        break;
      }
    }
    long wanted = configured.toMillis();
    long tauMillis = lcm * Math.max(1, (wanted + lcm - 1) / lcm);
    Duration tau = Duration.ofMillis(tauMillis);
    String scrapes =
        "scrape interval "
            + String.join(
                " and ",
                spacings.stream().map(s -> PromQl.duration(Duration.ofMillis(s))).toList());
    if (range.compareTo(tau.multipliedBy(MIN_INTERVALS)) < 0) {
      return new CountingInterval(
          tau,
          Optional.of(
              scrapes
                  + ": counts must span a whole number of scrapes, and fewer than "
                  + MIN_INTERVALS
                  + " intervals of "
                  + PromQl.duration(tau)
                  + " fit the dispersion range "
                  + PromQl.duration(range)
                  + " (tandem.prometheus.dispersion-range)"),
          "");
    }
    String note =
        tauMillis == wanted
            ? ""
            : "; "
                + scrapes
                + ": counted per "
                + PromQl.duration(tau)
                + " (the configured "
                + PromQl.duration(configured)
                + " is not a whole number of scrapes)";
    return new CountingInterval(tau, Optional.empty(), note);
  }

  /** Whole seconds from one second up, tenths of a second below. */
  private static long roundedMillis(double seconds) {
    return seconds >= 1 ? Math.round(seconds) * 1000 : Math.max(1, Math.round(seconds * 10)) * 100;
  }

  private static long lcm(long a, long b) {
    return a / gcd(a, b) * b;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}

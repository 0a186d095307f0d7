package dev.tandem.config.policy;

import dev.tandem.config.yaml.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The range checks shared by the records' compact constructors and the loader, so a value breaks
 * the same rule with the same words whether it came from a file or from code. Each check returns
 * the sentence that describes the problem (value first, then what is allowed), or empty.
 */
final class Check {

  private Check() {}

  static Optional<String> atLeast(long value, long min) {
    return value < min ? Optional.of(value + " is below the minimum " + min) : Optional.empty();
  }

  static Optional<String> minReplicas(long value) {
    return value < 1
        ? Optional.of(
            value
                + " is below the minimum 1 (scale-to-zero is out of scope: every role keeps at least"
                + " one replica)")
        : Optional.empty();
  }

  static Optional<String> notAbove(long min, String maxName, long max) {
    return min > max ? Optional.of(min + " is above " + maxName + " " + max) : Optional.empty();
  }

  static Optional<String> positive(double value) {
    return value > 0 ? Optional.empty() : Optional.of(number(value) + " must be greater than 0");
  }

  static Optional<String> positive(Duration value) {
    if (value.isNegative()) {
      return Optional.of(Durations.format(value) + " must be longer than 0s");
    }
    // "0ms" and "0s" both format as 0s: name the rule, not a comparison of 0s with itself
    return value.isZero() ? Optional.of("0 must be a positive duration") : Optional.empty();
  }

  static Optional<String> atLeast(Duration value, Duration min) {
    return value.compareTo(min) < 0
        ? Optional.of(Durations.format(value) + " is below the minimum " + Durations.format(min))
        : Optional.empty();
  }

  static Optional<String> notNegative(Duration value) {
    return value.isNegative()
        ? Optional.of(Durations.format(value) + " must not be negative")
        : Optional.empty();
  }

  /** {@code low < value < high}. */
  static Optional<String> openRange(double value, double low, double high) {
    return value > low && value < high
        ? Optional.empty()
        : Optional.of(
            number(value) + " is outside (" + number(low) + ", " + number(high) + "), exclusive");
  }

  /** {@code low <= value < high}. */
  static Optional<String> halfOpenRange(double value, double low, double high) {
    return value >= low && value < high
        ? Optional.empty()
        : Optional.of(number(value) + " is outside [" + number(low) + ", " + number(high) + ")");
  }

  /** The replica fields every role shares; throws on the first broken rule. */
  static void replicas(int gpusPerReplica, int minGpus, int minReplicas, int maxReplicas) {
    valid("gpusPerReplica", atLeast(gpusPerReplica, minGpus));
    valid("minReplicas", minReplicas(minReplicas));
    valid("minReplicas", notAbove(minReplicas, "maxReplicas", maxReplicas));
  }

  /** Throws {@link IllegalArgumentException} naming the field when {@code problem} is present. */
  static void valid(String field, Optional<String> problem) {
    if (problem.isPresent()) {
      throw new IllegalArgumentException(field + ": " + problem.get());
    }
  }

  static <T> T present(String field, T value) {
    return Objects.requireNonNull(value, () -> field + " is required (null given)");
  }

  /** A number as people write it: {@code 90}, not {@code 90.0}. */
  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}

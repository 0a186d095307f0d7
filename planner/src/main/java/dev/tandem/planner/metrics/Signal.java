package dev.tandem.planner.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * One observed value with its health, the window it covers and how precisely it is known.
 *
 * <p>A percentile read from a histogram is known only to lie in the bucket that holds it: {@code
 * histogram_quantile} interpolates inside the bucket, so a p90 ITL of vLLM in its first bucket (0,
 * 10 ms] reads 9.0 ms whatever it really is. Such a value carries its bucket as {@code [lower,
 * upper]}, and the correction learner treats it as the interval it is (see {@code CorrectionStep});
 * an exactly measured value has {@code lower == upper == value}.
 *
 * @param value the number in the unit of the field that holds it (0 when {@link Health#MISSING})
 * @param health whether the value can be trusted
 * @param window the time range the value summarises (a rate's {@code [5m]}, a histogram quantile's
 *     range); zero for instantaneous gauges
 * @param lower the smallest the true value can be ({@code value} when exact)
 * @param upper the largest the true value can be ({@code value} when exact; +∞ above a histogram's
 *     highest bucket)
 */
public record Signal(double value, Health health, Duration window, double lower, double upper) {

  public Signal {
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative, got " + window);
    }
    if (health != Health.MISSING && !(Double.isFinite(value) && value >= 0)) {
      throw new IllegalArgumentException(
          "a " + health + " signal needs a finite value >= 0, got " + value + " (mark it MISSING)");
    }
    if (health == Health.MISSING) {
      value = 0;
      lower = 0;
      upper = 0;
    }
    if (!(lower <= value && value <= upper)) {
      throw new IllegalArgumentException(
          "the value " + value + " must lie in its bounds [" + lower + ", " + upper + "]");
    }
  }

  /** An exactly known value (or a MISSING one). */
  public Signal(double value, Health health, Duration window) {
    this(value, health, window, value, value);
  }

  /**
   * This value as known only to lie in {@code [lower, upper]}, e.g. the bucket of a histogram
   * percentile; a MISSING signal stays as it is.
   */
  public Signal within(double lower, double upper) {
    return health == Health.MISSING
        ? this
        : new Signal(value, health, window, Math.min(lower, value), Math.max(upper, value));
  }

  /** True when the value is known exactly rather than as an interval. */
  public boolean isExact() {
    return lower == upper;
  }

  /**
   * What an adapter read: OK when finite and non-negative, MISSING otherwise (NaN, ±Inf and
   * negative numbers are garbage, never zero load).
   */
  public static Signal of(double value, Duration window) {
    return Double.isFinite(value) && value >= 0
        ? new Signal(value, Health.OK, window)
        : missing(window);
  }

  public static Signal ok(double value, Duration window) {
    return new Signal(value, Health.OK, window);
  }

  public static Signal stale(double value, Duration window) {
    return new Signal(value, Health.STALE, window);
  }

  public static Signal missing(Duration window) {
    return new Signal(0, Health.MISSING, window);
  }

  public boolean isOk() {
    return health == Health.OK;
  }

  /** The value when {@link #isOk()}, else {@code fallback}. */
  public double orElse(double fallback) {
    return isOk() ? value : fallback;
  }
}

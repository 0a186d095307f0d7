package dev.tandem.planner.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * One observed value with its health and the window it covers.
 *
 * @param value the number in the unit of the field that holds it (0 when {@link Health#MISSING})
 * @param health whether the value can be trusted
 * @param window the time range the value summarises (a rate's {@code [5m]}, a histogram quantile's
 *     range); zero for instantaneous gauges
 */
public record Signal(double value, Health health, Duration window) {

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
    }
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

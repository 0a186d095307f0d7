package dev.tandem.planner.forecast;

import java.time.Duration;

/**
 * How far a rate reading lags the rate it reports. A reading over {@code [t − w, t]} is the average
 * of that window, which on a ramp is the rate at t − w/2; a forecaster of readings must therefore
 * look half a window beyond the time it sizes for to forecast the rate at that time. Both the
 * selector and the fallback ({@link ObservedRateForecaster}, projecting its slope from mid-window)
 * add it. Without it the selector trailed every ramp: on profile-drift after an hour's warm-up the
 * prefill ordered at 01:11:00 was sized for 17.7 req/s where the window 01:12–01:13 brought 25.7,
 * and 4–7 windows an hour missed TTFT by a few milliseconds.
 */
final class ReadingLag {

  private ReadingLag() {}

  /** Half of {@code window}, ms. */
  static long millis(Duration window) {
    return window.toMillis() / 2;
  }
}

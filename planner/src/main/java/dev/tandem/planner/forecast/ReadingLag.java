package dev.tandem.planner.forecast;

import dev.tandem.planner.metrics.MetricsSnapshot;
import java.time.Duration;

/**
 * How far a rate reading lags the rate it reports. A reading over {@code [t − w, t]} is the average
 * of that window, which on a ramp is the rate at t − w/2; a forecaster of readings must therefore
 * look half a window beyond the time it sizes for to forecast the rate at that time. Both the
 * selector and the fallback ({@link ObservedRateForecaster}, projecting its slope from mid-window)
 * add it. Without it the selector trailed every ramp: on profile-drift after an hour's warm-up the
 * prefill ordered at 01:11:00 was sized for 17.7 req/s where the window 01:12–01:13 brought 25.7,
 * and 4–7 windows an hour missed TTFT by a few milliseconds.
 *
 * <p>The window itself ends at the newest sample, which is {@code MetricsSnapshot.dataAge} old at
 * the decision: up to a scrape interval, plus the query path. That age is lag too. With 30 s
 * scrapes (most clusters scrape every 15–30 s) the simulator's profile-drift read 86.9 % of its
 * windows met against 95.1 % at 5 s: every ramp out of a trough was seen 30 s late (seed 42, {@code
 * --scrape-interval 30s}). In Prometheus {@code rate()} extrapolates its window to the evaluation
 * time, so for the reader this overstates the lag by up to half a scrape interval.
 */
final class ReadingLag {

  /**
   * The data age the forecast series' horizon allows for ({@code ForecastKinds.maxHorizonTicks}): a
   * scrape interval of up to 30 s, what most clusters run. An older reading is forecast only that
   * far.
   */
  static final long MAX_DATA_AGE_MILLIS = 30_000;

  private ReadingLag() {}

  /** Half of {@code window}, ms: the lag of a reading whose window ends at the decision. */
  static long millis(Duration window) {
    return window.toMillis() / 2;
  }

  /** The lag of the snapshot's rate reading, ms: half its window plus its data age. */
  static long millis(MetricsSnapshot snapshot) {
    return millis(snapshot.arrivalRate().window()) + snapshot.dataAge().toMillis();
  }
}

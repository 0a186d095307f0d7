package dev.tandem.forecasting;

import java.io.Serializable;

/**
 * How a forecaster is run. All counts are in ticks of the series (one observation per tick).
 *
 * @param stepSeconds tick length, s (10 s for the planner's tick, 600 s for ServeGen windows)
 * @param maxHorizon longest horizon that will be asked for, ticks (bounds the calibration memory)
 * @param calibrationWindow resolved forecasts kept per step for the conformal quantiles
 * @param refitEvery ticks between parameter refits (refits are scheduled, never every tick)
 * @param historyTicks raw values kept for refits and warm restarts (bounded memory)
 * @param bucketSeconds width of the coarse buckets the seasonal models run on, s (&ge; stepSeconds)
 * @param phaseSeconds seconds since local midnight (of a Monday, for weekly features) of tick 0
 * @param seed seed of every random draw (Tribuo's SGD shuffling) and the refit phase (seed mod
 *     refitEvery)
 */
public record ForecastSettings(
    double stepSeconds,
    int maxHorizon,
    int calibrationWindow,
    int refitEvery,
    int historyTicks,
    double bucketSeconds,
    double phaseSeconds,
    long seed)
    implements Serializable {

  /** The longest horizon, in ticks, a forecaster keeps state for. */
  public static final int MAX_HORIZON_TICKS = 1000;

  public ForecastSettings {
    check(stepSeconds > 0, "stepSeconds must be > 0, got " + stepSeconds);
    check(
        maxHorizon >= 1 && maxHorizon <= MAX_HORIZON_TICKS,
        "maxHorizon must be in [1, " + MAX_HORIZON_TICKS + "], got " + maxHorizon);
    check(calibrationWindow >= 10, "calibrationWindow must be >= 10, got " + calibrationWindow);
    check(refitEvery >= 1, "refitEvery must be >= 1, got " + refitEvery);
    check(historyTicks >= 16, "historyTicks must be >= 16, got " + historyTicks);
    check(
        bucketSeconds >= stepSeconds, "bucketSeconds must be >= stepSeconds, got " + bucketSeconds);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Defaults for a tick of {@code stepSeconds} and a lead time of {@code maxHorizon} ticks: history
   * of 512–2,016 ticks (two weeks at 10-minute ticks, 5.6 hours at 10 s), calibration over the last
   * 300 resolved forecasts, a refit once a day of ticks clamped to 50–360 ticks (daily at 10
   * minutes, hourly at 10 s), 10-minute seasonal buckets, phase 0, seed 0 (give each series its own
   * seed, e.g. a hash of its name: it also staggers the refits).
   */
  public static ForecastSettings defaults(double stepSeconds, int maxHorizon) {
    int day = (int) Math.round(86_400 / stepSeconds);
    int history = Math.max(512, Math.min(2_016, 14 * day));
    int refit = Math.max(50, Math.min(360, day));
    return new ForecastSettings(
        stepSeconds, maxHorizon, 300, refit, history, Math.max(600, stepSeconds), 0, 0);
  }

  /** Ticks per coarse bucket (≥ 1). */
  public int ticksPerBucket() {
    return Math.max(1, (int) Math.round(bucketSeconds / stepSeconds));
  }

  /** Buckets per day. */
  public int bucketsPerDay() {
    return Math.max(1, (int) Math.round(86_400 / (ticksPerBucket() * stepSeconds)));
  }

  public ForecastSettings withSeed(long newSeed) {
    return new ForecastSettings(
        stepSeconds,
        maxHorizon,
        calibrationWindow,
        refitEvery,
        historyTicks,
        bucketSeconds,
        phaseSeconds,
        newSeed);
  }

  public ForecastSettings withPhaseSeconds(double phase) {
    return new ForecastSettings(
        stepSeconds,
        maxHorizon,
        calibrationWindow,
        refitEvery,
        historyTicks,
        bucketSeconds,
        phase,
        seed);
  }
}

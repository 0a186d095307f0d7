package dev.tandem.planner.forecast;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.sizing.Normal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in fallback forecaster: level and trend of the observed arrival rate (Holt's linear
 * method with time-aware smoothing), no seasonality, with an honest allowance for the burstiness
 * the snapshot reports. The forecasting module's selector replaces it through {@link
 * LoadForecaster}.
 *
 * <p>Level L and trend T (requests/s per second), after an observation r at Δt since the last one,
 * with α = 1 − e^{−Δt/τ} (τ default 2 min):
 *
 * <pre>
 *   L' = α r + (1 − α)(L + T Δt)          T' = α (L' − L)/Δt + (1 − α) T
 * </pre>
 *
 * The base rate is {@code b = max(r, L)}: a rise is taken at once, a fall only as fast as the level
 * follows it. Over the horizon H only a rising trend is projected (the lead time exists to catch
 * ramps; a falling trend must not scale down ahead of the data).
 *
 * <p><b>The trend is the least-squares slope S of the last {@link RecentSlope#RANGE_MILLIS} of
 * readings, less two standard errors</b> ({@link RecentSlope}, at least three), not Holt's T, and
 * it is projected from the middle of the rate's window w, where a window's mean rate sits on a
 * ramp: {@code b + max(0, S) (H + w/2)}. Holt's smoothed trend starts at zero and reaches a ramp's
 * slope only after several time constants: on the simulator's sinusoid (5 → 45 req/s in 5 minutes,
 * from cold) it forecast 14 req/s for a horizon that reached 37, and the first ramp was met with
 * two engines per role. Holt's T stands in until three readings exist.
 *
 * <p>Peak quantile over the horizon, windows of length w (the rate's window): for a renewal arrival
 * process with inter-arrival SCV c², the count in a window has variance ≈ λ w c² (index of
 * dispersion c²), so a window's rate is ≈ Normal(λ, λ c²/w). The horizon holds k = ⌈H / w⌉ windows;
 * the peak of k independent windows stays below x with probability Φ(z)^k, so the q-quantile of the
 * peak is {@code λ_H + z_k √(λ_H c² / w)} with {@code λ_H = b + max(0, T) H} and {@code z_k =
 * Φ⁻¹(q^{1/k})}. With c² missing, 1 (Poisson) is assumed and the reason says so.
 *
 * <p>ISL/OSL moments are the observed ones (E[X²] ≥ E[X]² enforced; missing second moment → fixed
 * length). The forecast is healthy only when rate, ISL mean and OSL mean are OK.
 */
public final class ObservedRateForecaster implements LoadForecaster {

  public static final String MODEL = "observed-ewma";
  private static final String LEVEL = "level";
  private static final String AT = "atEpochMillis";
  private static final String TREND = "trendPerSecond";

  private final Duration timeConstant;

  public ObservedRateForecaster() {
    this(Duration.ofMinutes(2));
  }

  public ObservedRateForecaster(Duration timeConstant) {
    if (timeConstant.isNegative() || timeConstant.isZero()) {
      throw new IllegalArgumentException("time constant must be > 0, got " + timeConstant);
    }
    this.timeConstant = timeConstant;
  }

  @Override
  public ForecastState observe(
      DeploymentKey deployment, ForecastState state, MetricsSnapshot snapshot) {
    if (!snapshot.arrivalRate().isOk()) {
      return state;
    }
    double rate = snapshot.arrivalRate().value();
    long at = snapshot.at().toEpochMilli();
    double level = rate;
    double trend = 0;
    if (state.value(MODEL, LEVEL).isPresent() && state.value(MODEL, AT).isPresent()) {
      double dt = Math.max(0, at - state.value(MODEL, AT).getAsDouble()) / 1000.0;
      double alpha = 1 - Math.exp(-dt * 1000 / timeConstant.toMillis());
      double previous = state.value(MODEL, LEVEL).getAsDouble();
      double previousTrend = state.value(MODEL, TREND).orElse(0);
      level = alpha * rate + (1 - alpha) * (previous + previousTrend * dt);
      trend =
          dt > 0 ? alpha * (level - previous) / dt + (1 - alpha) * previousTrend : previousTrend;
    }
    Map<String, Double> values = new TreeMap<>(state.values());
    values.put(LEVEL, level);
    values.put(AT, (double) at);
    values.put(TREND, trend);
    RecentSlope.observe(values, at, rate);
    return ForecastState.of(MODEL, values);
  }

  /** Two decimals, for the reason text. */
  private static String round(double v) {
    return Double.toString(Math.round(v * 100) / 100.0);
  }

  @Override
  public LoadForecast forecast(
      DeploymentKey deployment,
      ForecastState state,
      MetricsSnapshot snapshot,
      Duration horizon,
      double quantile) {
    double level = state.value(MODEL, LEVEL).orElse(0);
    boolean rateOk = snapshot.arrivalRate().isOk();
    double rate = rateOk ? snapshot.arrivalRate().value() : level;
    double windowSeconds = Math.max(1.0, snapshot.arrivalRate().window().toMillis() / 1000.0);
    double slope = RecentSlope.slope(state.values(), snapshot.at().toEpochMilli());
    boolean fitted = Double.isFinite(slope);
    double trend = Math.max(0, fitted ? slope : state.value(MODEL, TREND).orElse(0));
    double base = Math.max(rate, level);
    double reach = (horizon.toMillis() + (fitted ? ReadingLag.millis(snapshot) : 0)) / 1000.0;
    double ahead = base + trend * reach;
    double cv2 = snapshot.arrivalCv2().orElse(1.0);
    long windows = Math.max(1, (long) Math.ceil(horizon.toMillis() / 1000.0 / windowSeconds));
    double z = Normal.quantile(Math.pow(quantile, 1.0 / windows));
    double peak = ahead + Math.max(0, z) * Math.sqrt(ahead * cv2 / windowSeconds);
    double isl = snapshot.inputTokensMean().orElse(0);
    double osl = snapshot.outputTokensMean().orElse(0);
    double isl2 = Math.max(isl * isl, snapshot.inputTokensSecondMoment().orElse(0));
    double osl2 = Math.max(osl * osl, snapshot.outputTokensSecondMoment().orElse(0));
    boolean healthy = snapshot.loadIsHealthy();
    // concatenation, not String.format: this runs twice per deployment per tick
    String reason =
        (rateOk ? "observed " : "no healthy rate; last level ")
            + round(rate)
            + " req/s (level "
            + round(level)
            + ", rising "
            + round(trend * 60)
            + " req/s per min "
            + (fitted
                ? "over the last " + RecentSlope.RANGE_MILLIS / 60_000 + " min, from mid-window"
                : "(Holt, τ " + timeConstant.toSeconds() + "s)")
            + "), arrival SCV "
            + round(cv2)
            + (snapshot.arrivalCv2().isOk() ? "" : " (assumed: not observed)")
            + ": P"
            + Math.round(quantile * 100)
            + " of the peak of "
            + windows
            + " "
            + (long) windowSeconds
            + "s windows over the next "
            + horizon.toSeconds()
            + "s is "
            + round(peak)
            + " req/s";
    return new LoadForecast(peak, base, isl, isl2, osl, osl2, horizon, quantile, healthy, reason)
        .withRateTrend(RecentSlope.trend(state.values(), snapshot.at().toEpochMilli()));
  }
}

package dev.tandem.planner.forecast;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.forecasting.Forecast;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.sizing.Normal;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The forecasting module behind the planner's port: the arrival rate runs through the policy's
 * forecaster kind ({@code auto} → the selector, see {@link ForecastKinds}), the length mix through
 * a cheap trend-following smoother projected over the role's horizon ({@link LengthMoments}), and
 * the built-in {@link ObservedRateForecaster} covers the cold start.
 *
 * <p><b>What sizing gets.</b> A role with horizon H (its start-up time + interval) on a series with
 * tick Δ looks {@code h = ⌈(H + w/2)/Δ⌉} ticks ahead (at most the series' longest horizon), w the
 * rate window: the series holds readings, each the rate averaged over its window, which on a ramp
 * report the rate of half a window ago ({@link ReadingLag}). It is sized for the q-quantile (q =
 * the policy's quantile) of the peak one-window rate over that horizon, taken as the forecaster's
 * point path plus the sampling noise of a window's count:
 *
 * <pre>
 *   p̂ = max(ŷ_{t+1}, …, ŷ_{t+h})                       (point peak, req/s)
 *   peak = p̂ + z_k √(p̂ c_a² / w),  z_k = Φ⁻¹(q^{1/k}),  k = ⌈H / w⌉
 * </pre>
 *
 * with w the rate's window (s) and c_a² the arrival SCV of the last 10 minutes ({@link Burstiness}:
 * the median reading, so one clump does not widen every peak; a window's count has variance ≈ λ w
 * c_a²) — the same allowance as {@link ObservedRateForecaster}. The forecaster's own
 * split-conformal peak quantile ({@code peakQuantile(q, h)}) is computed and quoted in the reason
 * but not used: its residuals are relative to the one-step forecast, so errors made at a low level
 * (a ramp out of a trough: +200 % in 90 s) are multiplied by the level at the crest. In the
 * simulator it gave 137 req/s as the P90 peak of a sinusoid whose crest is 45 req/s, and 2× the
 * GPU-hours on the Azure code trace, at no gain in SLA attainment (SIMULATOR.md, "Tandem in the
 * simulator"). The mean rate is the mean of the h point forecasts.
 *
 * <p><b>Cold start.</b> Until the forecaster has {@code h + }{@value #MIN_RESOLVED} resolved
 * forecasts (its quantiles need residuals, and the h-step ones resolve h ticks late) the rate comes
 * from {@link ObservedRateForecaster}, whose state is kept alongside (values {@code fallback.*}).
 * 40 covers the members' first refit (tick 32) and ten scored errors after it: before its first
 * refit every fitted member (Holt, ARIMA, Tribuo) still forecasts flat, so the selector is a last
 * value in disguise. With 20, on the simulator's sinusoid the selector took over at tick 23,
 * forecast the second ramp flat and prefill was scaled down 5 → 3 while the load climbed from 14 to
 * 44 req/s (2 windows missed TTFT); the fallback projects the rising trend.
 *
 * <p><b>Missing data.</b> An unhealthy arrival rate is a NaN tick: the forecaster advances on its
 * own forecast and the forecast never drops to zero for lack of data; a healthy 0 is real zero
 * traffic. The forecast is healthy only when the snapshot's load signals are (the planner then
 * neither scales up nor down on it).
 *
 * <p><b>State.</b> Everything lives in the {@link ForecastState} returned by {@link #observe}
 * (model {@code forecasting-<kind>}: the series' checkpoint and pending ticks, the length moments,
 * the fallback's level and trend), so a restart or replay from a stored history continues exactly.
 * For speed the live forecaster of each deployment is cached and reused while the state handed in
 * is the very object this instance returned last; any other state is restored from its values. Not
 * thread-safe (one control loop at a time), like the loop itself.
 */
public final class SelectorLoadForecaster implements LoadForecaster {

  /** Resolved forecasts needed beyond the horizon before the forecaster's quantiles are used. */
  public static final int MIN_RESOLVED = 40;

  private static final String FALLBACK = "fallback.";

  /** The fallback's recent readings, read in place in this forecaster's values. */
  private static final TimedRing FALLBACK_RECENT = RecentSlope.ring(FALLBACK);

  /** Level of the forecast made at each visit (its point path is what {@link PeakError} scores). */
  private static final double ISSUED_LEVEL = 0.9;

  private final Map<DeploymentKey, RateSeries.Spec> specs;
  private final ObservedRateForecaster fallback = new ObservedRateForecaster();
  private final Map<DeploymentKey, Live> live = new HashMap<>();

  private static final class Live {
    final ForecastState state;
    final RateSeries series;
    double level = Double.NaN;
    Forecast forecast;

    Live(ForecastState state, RateSeries series) {
      this.state = state;
      this.series = series;
    }
  }

  private SelectorLoadForecaster(Map<DeploymentKey, RateSeries.Spec> specs) {
    this.specs = Map.copyOf(specs);
  }

  /**
   * One series per deployment, shaped by its policy: kind from {@code forecast.model}, tick = the
   * shortest role interval, longest horizon from the roles' horizons, seed = a hash of the key (it
   * also staggers the refits of many deployments). Deployments not listed get the fallback only.
   */
  public static SelectorLoadForecaster forDeployments(Collection<Deployment> deployments) {
    Map<DeploymentKey, RateSeries.Spec> specs = new HashMap<>();
    for (Deployment d : deployments) {
      specs.put(d.key(), spec(d.key(), d.policy()));
    }
    return new SelectorLoadForecaster(specs);
  }

  static RateSeries.Spec spec(DeploymentKey key, SlaPolicy policy) {
    return new RateSeries.Spec(
        ForecastKinds.kindOf(policy.forecast().model()),
        ForecastKinds.tick(policy).toMillis(),
        ForecastKinds.maxHorizonTicks(policy),
        key.toString().hashCode());
  }

  /** The state's model name for a kind, e.g. {@code forecasting-selector}. */
  public static String modelName(String kind) {
    return "forecasting-" + kind;
  }

  @Override
  public ForecastState observe(
      DeploymentKey deployment, ForecastState state, MetricsSnapshot snapshot) {
    RateSeries.Spec spec = specs.get(deployment);
    if (spec == null) {
      return fallback.observe(deployment, state, snapshot);
    }
    String model = modelName(spec.kind());
    Map<String, Double> values =
        new TreeMap<>(state.model().equals(model) ? state.values() : Map.of());
    RateSeries series = series(deployment, spec, state, values).series;
    ForecastState fb = fallback.observe(deployment, fallbackState(values), snapshot);
    values.keySet().removeIf(k -> k.startsWith(FALLBACK) || k.startsWith(RateSeries.PENDING));
    fb.values().forEach((k, v) -> values.put(FALLBACK + k, v));
    LengthMoments.observe(values, snapshot);
    Burstiness.observe(values, snapshot);
    double rate = snapshot.arrivalRate().isOk() ? snapshot.arrivalRate().value() : Double.NaN;
    series.observe(snapshot.at(), rate);
    series.writeTo(values);
    Forecast issued = series.forecast(ISSUED_LEVEL).orElse(null);
    // only the forecasts the planner uses are scored: before that the members are not fitted yet
    if (issued != null && issued.calibrationSize() >= spec.maxHorizonTicks() + MIN_RESOLVED) {
      PeakError.observe(
          values, rate, issued.pointPeak(spec.maxHorizonTicks()), spec.maxHorizonTicks());
    }
    ForecastState next = ForecastState.of(model, values, series.checkpoint());
    Live l = new Live(next, series);
    l.forecast = issued;
    l.level = ISSUED_LEVEL;
    live.put(deployment, l);
    return next;
  }

  @Override
  public LoadForecast forecast(
      DeploymentKey deployment,
      ForecastState state,
      MetricsSnapshot snapshot,
      Duration horizon,
      double quantile) {
    RateSeries.Spec spec = specs.get(deployment);
    if (spec == null) {
      return fallback.forecast(deployment, state, snapshot, horizon, quantile);
    }
    Live l = series(deployment, spec, state, state.values());
    if (l.forecast == null || l.level != quantile) {
      l.forecast = l.series.forecast(quantile).orElse(null);
      l.level = quantile;
    }
    double[] len =
        LengthMoments.forecast(
            state.values(),
            horizon.toMillis() / 1000.0,
            snapshot.outputTokensMean().window().toMillis() / 1000.0);
    long reach = horizon.toMillis() + ReadingLag.millis(snapshot);
    double reachTicks = reach / (double) spec.tickMillis();
    int h =
        (int)
            Math.max(
                1,
                Math.min(
                    spec.maxHorizonTicks(), (reach + spec.tickMillis() - 1) / spec.tickMillis()));
    double typical = Burstiness.typical(state.values(), snapshot.at().toEpochMilli());
    Forecast fc = l.forecast;
    double peak = fc == null ? Double.NaN : fc.peakQuantile(quantile, h);
    if (fc == null || fc.calibrationSize() < h + MIN_RESOLVED || !Double.isFinite(peak)) {
      LoadForecast f =
          fallback.forecast(deployment, fallbackState(state.values()), snapshot, horizon, quantile);
      return new LoadForecast(
          f.peakRate(),
          f.meanRate(),
          len[0],
          len[1],
          len[2],
          len[3],
          horizon,
          quantile,
          f.healthy(),
          "cold start ("
              + spec.kind()
              + " has "
              + (fc == null ? 0 : fc.calibrationSize())
              + " of "
              + (h + MIN_RESOLVED)
              + " resolved forecasts): "
              + f.reason(),
          Double.NaN,
          Double.NaN,
          typical,
          f.rateTrend());
    }
    double mean = 0;
    for (int i = 1; i <= h; i++) {
      mean += fc.pointAt(i);
    }
    mean = Math.max(0, mean / h);
    double conformalPeak = peak;
    double pointPeak = Math.max(0, pointPeak(fc, reachTicks, h));
    double cv2 = Double.isFinite(typical) ? typical : snapshot.arrivalCv2().orElse(1.0);
    double windowSeconds = Math.max(1.0, snapshot.arrivalRate().window().toMillis() / 1000.0);
    long windows = Math.max(1, (long) Math.ceil(horizon.toMillis() / 1000.0 / windowSeconds));
    double z = Math.max(0, Normal.quantile(Math.pow(quantile, 1.0 / windows)));
    peak = Math.max(mean, pointPeak + z * Math.sqrt(pointPeak * cv2 / windowSeconds));
    String reason =
        spec.kind()
            + " on "
            + spec.tickMillis() / 1000
            + "s ticks ("
            + fc.calibrationSize()
            + " resolved forecasts): point peak "
            + round(pointPeak)
            + " req/s over the next "
            + ticks(reachTicks, h)
            + " ticks ("
            + horizon.toSeconds()
            + (snapshot.dataAge().isZero() ? "s and half the " : "s, half the ")
            + snapshot.arrivalRate().window().toSeconds()
            + "s rate window"
            + (snapshot.dataAge().isZero()
                ? ""
                : " and the reading's age of "
                    + Math.round(snapshot.dataAge().toMillis() / 1000.0)
                    + "s")
            + "), mean "
            + round(mean)
            + " req/s; with the window noise of arrival SCV "
            + round(cv2)
            + (Double.isFinite(typical) ? " (median of 10 min)" : "")
            + " the P"
            + Math.round(quantile * 100)
            + " of the peak of "
            + windows
            + " "
            + (long) windowSeconds
            + "s windows is "
            + round(peak)
            + " req/s (conformal P"
            + Math.round(quantile * 100)
            + " peak "
            + round(conformalPeak)
            + " req/s, not used)"
            + (snapshot.arrivalRate().isOk() ? "" : " (rate not observed this tick)");
    double rho = PeakError.relativeRms(state.values(), spec.maxHorizonTicks());
    if (Double.isFinite(rho)) {
      reason +=
          "; its point peak over "
              + spec.maxHorizonTicks()
              + " ticks has lately been off by ±"
              + Math.round(rho * 100)
              + "% (RMS)";
    }
    return new LoadForecast(
        peak,
        mean,
        len[0],
        len[1],
        len[2],
        len[3],
        horizon,
        quantile,
        snapshot.loadIsHealthy(),
        reason,
        rho,
        pointPeak,
        typical,
        RecentSlope.trend(FALLBACK_RECENT, state.values(), snapshot.at().toEpochMilli()));
  }

  /**
   * The point peak over a reach of {@code ticks} (fractional) ticks, at most {@code h}: the peak of
   * the whole ticks and, for the part of a tick beyond them, the forecast interpolated into it. The
   * reach is rarely whole (a 5 s reading age on top of 120 s is 4.17 ticks of 30 s), and rounding
   * it up would forecast a whole tick further for 5 s of lag.
   */
  static double pointPeak(Forecast fc, double ticks, int h) {
    int whole = (int) Math.max(1, Math.min(h, Math.floor(ticks + 1e-9)));
    double peak = fc.pointPeak(whole);
    double part = Math.min(h, ticks) - whole;
    if (part > 1e-9 && whole < h) {
      double from = fc.pointAt(whole);
      peak = Math.max(peak, from + part * (fc.pointAt(whole + 1) - from));
    }
    return peak;
  }

  /** The reach in ticks for the reason: whole, or to one decimal. */
  private static String ticks(double ticks, int h) {
    double shown = Math.min(h, ticks);
    return Math.abs(shown - Math.rint(shown)) < 1e-9
        ? Long.toString(Math.round(shown))
        : Double.toString(Math.round(shown * 10) / 10.0);
  }

  /** The live series for {@code state}: the cached one if it is that state's, else restored. */
  private Live series(
      DeploymentKey key, RateSeries.Spec spec, ForecastState state, Map<String, Double> values) {
    Live l = live.get(key);
    if (l != null && l.state == state) {
      return l;
    }
    boolean ours = state.model().equals(modelName(spec.kind()));
    RateSeries s =
        ours
            ? RateSeries.restore(spec, values, state.checkpoint())
            : RateSeries.restore(spec, Map.of(), Optional.empty());
    l = new Live(state, s);
    live.put(key, l);
    return l;
  }

  private static ForecastState fallbackState(Map<String, Double> values) {
    Map<String, Double> fb = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(FALLBACK)) {
            fb.put(k.substring(FALLBACK.length()), v);
          }
        });
    return fb.isEmpty()
        ? ForecastState.empty()
        : ForecastState.of(ObservedRateForecaster.MODEL, fb);
  }

  private static String round(double v) {
    return Double.toString(Math.round(v * 100) / 100.0);
  }
}

package dev.tandem.planner.forecast;

import dev.tandem.forecasting.Forecast;
import dev.tandem.forecasting.ForecastSettings;
import dev.tandem.forecasting.Forecaster;
import dev.tandem.forecasting.ForecasterState;
import dev.tandem.forecasting.Forecasters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One deployment's arrival-rate series on a forecasting-module {@link Forecaster}, with the
 * bookkeeping that turns irregular visits into ticks and keeps the state a value.
 *
 * <p><b>Ticks.</b> Tick 0 is the first healthy observation (its instant is the origin); a visit at
 * {@code t} is tick {@code k = round((t − origin) / tick)}. A second visit in the same tick changes
 * nothing; ticks skipped between two visits are fed as NaN (missing, never zero), at most {@code
 * historyTicks} of them; an unhealthy rate is a NaN tick; a healthy 0 is a real zero.
 *
 * <p><b>State as a value.</b> Copying the forecaster's full state (selector: ≈ 4·H·W doubles of
 * calibration, plus the raw history) on every tick would cost more than the forecast itself, so the
 * state is a {@code checkpoint} ({@link Forecaster#state()}, taken every {@value #CHECKPOINT_EVERY}
 * ticks) plus the values fed since it ({@code rate.pending.NNNNN}). Restoring the checkpoint and
 * replaying them reproduces the forecaster bit for bit (the forecasting module guarantees it for
 * {@link Forecasters#restore}; refits are scheduled by tick count).
 */
final class RateSeries {

  static final int CHECKPOINT_EVERY = 32;
  static final String ORIGIN = "rate.originEpochMillis";
  static final String TICK = "rate.tick";
  static final String PENDING = "rate.pending.";

  /** What a deployment's series looks like: forecasting kind, tick, longest horizon, seed. */
  record Spec(String kind, long tickMillis, int maxHorizonTicks, long seed) {

    /** Settings of a forecaster whose tick 0 is at {@code origin}. */
    ForecastSettings settings(long originMillis) {
      // seconds since Monday 00:00 UTC of tick 0 (1970-01-01 was a Thursday)
      double phase = Math.floorMod(originMillis / 1000 + 3 * 86_400L, 7 * 86_400L);
      return ForecastSettings.defaults(tickMillis / 1000.0, maxHorizonTicks)
          .withSeed(seed)
          .withPhaseSeconds(phase);
    }

    boolean fits(ForecasterState s) {
      ForecastSettings f = s.settings();
      return s.version() == ForecasterState.CURRENT_VERSION
          && s.kind().equals(kind)
          && f.stepSeconds() == tickMillis / 1000.0
          && f.maxHorizon() == maxHorizonTicks
          && f.seed() == seed;
    }
  }

  private final Spec spec;
  private Forecaster forecaster;
  private ForecasterState checkpoint;
  private final List<Double> pending = new ArrayList<>();
  private long originMillis;
  private long tick = -1;

  private RateSeries(Spec spec) {
    this.spec = spec;
  }

  /** A series with nothing observed. */
  static RateSeries fresh(Spec spec) {
    return new RateSeries(spec);
  }

  /**
   * The series a state describes: its checkpoint (when it fits {@code spec}) with the pending
   * values replayed; a fresh series when the state holds none or was written for another kind or
   * tick.
   */
  static RateSeries restore(Spec spec, Map<String, Double> values, Optional<ForecasterState> cp) {
    RateSeries s = new RateSeries(spec);
    Double origin = values.get(ORIGIN);
    Double tick = values.get(TICK);
    if (origin == null || tick == null || (cp.isPresent() && !spec.fits(cp.get()))) {
      return s;
    }
    s.originMillis = origin.longValue();
    s.tick = tick.longValue();
    if (cp.isPresent()) {
      s.checkpoint = cp.get();
      s.forecaster = Forecasters.restore(cp.get());
    } else {
      s.forecaster = Forecasters.create(spec.kind(), spec.settings(s.originMillis));
    }
    for (int i = 0; values.containsKey(pendingKey(i)); i++) {
      double v = values.get(pendingKey(i));
      s.forecaster.update(v);
      s.pending.add(v);
    }
    return s;
  }

  /** Feeds the visit at {@code at}: {@code rate} req/s, or NaN when it was not observed. */
  void observe(Instant at, double rate) {
    long atMillis = at.toEpochMilli();
    if (forecaster == null) {
      if (Double.isNaN(rate)) {
        return; // nothing to forecast from yet
      }
      originMillis = atMillis;
      forecaster = Forecasters.create(spec.kind(), spec.settings(originMillis));
      feed(rate);
      tick = 0;
      return;
    }
    long k = Math.round((atMillis - originMillis) / (double) spec.tickMillis());
    if (k <= tick) {
      return;
    }
    long gaps = Math.min(k - tick - 1, spec.settings(originMillis).historyTicks());
    for (long i = 0; i < gaps; i++) {
      feed(Double.NaN);
    }
    feed(rate);
    tick = k;
  }

  private void feed(double v) {
    forecaster.update(v);
    pending.add(v);
    if (pending.size() >= CHECKPOINT_EVERY) {
      checkpoint = forecaster.state();
      pending.clear();
    }
  }

  /** Writes origin, tick and the values since the checkpoint into {@code values}. */
  void writeTo(Map<String, Double> values) {
    if (tick < 0) {
      return;
    }
    values.put(ORIGIN, (double) originMillis);
    values.put(TICK, (double) tick);
    for (int i = 0; i < pending.size(); i++) {
      values.put(pendingKey(i), pending.get(i));
    }
  }

  Optional<ForecasterState> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  /** The forecast over the longest horizon at {@code level}; empty before the first value. */
  Optional<Forecast> forecast(double level) {
    return forecaster == null
        ? Optional.empty()
        : Optional.of(forecaster.forecast(spec.maxHorizonTicks(), level));
  }

  long tickMillis() {
    return spec.tickMillis();
  }

  int maxHorizonTicks() {
    return spec.maxHorizonTicks();
  }

  private static String pendingKey(int i) {
    String digits = Integer.toString(i);
    return PENDING + "00000".substring(Math.min(5, digits.length())) + digits;
  }
}

package dev.tandem.planner.forecast;

import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import java.util.Map;

/**
 * The cheap model of the request length mix: a time-aware Holt smoother (level and trend) of
 * E[ISL], E[ISL²], E[OSL] and E[OSL²] (tokens, tokens²), each updated only from an {@code OK}
 * signal, so a missing window keeps the last estimate instead of reading as zero.
 *
 * <p><b>Update.</b> After an observation x at Δt seconds since the last one, with α = 1 − e^{−Δt/τ}
 * (τ = 60 s, about one metrics window) and β = 1 − e^{−Δt/τ_b} (τ_b = 120 s):
 *
 * <pre>
 *   m' = α x + (1 − α)(m + b Δt)          (the first observation is taken as is, b = 0)
 *   b' = β (m' − m) / Δt + (1 − β) b      (tokens per second)
 * </pre>
 *
 * <p><b>Forecast.</b> A role sized for the next H seconds gets each moment at its highest point
 * over that span: {@code m + max(0, b) · (H + w/2)}, where w/2 (half the length window) is how far
 * the window mean lags the present. The projection is one-sided: a mix moving towards longer
 * requests is anticipated, one moving towards shorter requests is followed at the level (the
 * scale-down side has its own stabilisation anyway), so trend noise can only add margin. Growth is
 * capped at {@value #MAX_GROWTH}× the level, so a burst of odd windows cannot run away.
 *
 * <p><b>Why a trend.</b> In the simulator's {@code azure-mix} scenario the code/conversation share
 * moves over the hour and mean OSL climbs from 55 to 175 tokens at about 6 tokens a minute. A plain
 * EWMA of window means lags that by τ + w/2 ≈ 90 s, and the decode role is sized 2 minutes ahead,
 * so decode was sized for an OSL 15–20 % short of the one it then served: 7 of 60 windows missed
 * the ITL target with the correction steady at k ≈ 1 (the ITL model itself was right). The forecast
 * second moment is max(m₂, m₁²) so that the variance is never negative.
 */
final class LengthMoments {

  static final double TAU_SECONDS = 60;
  static final double TREND_TAU_SECONDS = 120;
  static final double MAX_GROWTH = 1.5;
  static final String AT = "len.atEpochMillis";
  private static final String[] KEYS = {"isl.mean", "isl.m2", "osl.mean", "osl.m2"};
  private static final String TREND = ".trend";

  private LengthMoments() {}

  /** Folds the snapshot's length signals into {@code values} (in place). */
  static void observe(Map<String, Double> values, MetricsSnapshot snapshot) {
    long at = snapshot.at().toEpochMilli();
    Double last = values.get(AT);
    double dt = last == null ? Double.POSITIVE_INFINITY : Math.max(0, at - last) / 1000.0;
    double alpha = 1 - Math.exp(-dt / TAU_SECONDS);
    double beta = 1 - Math.exp(-dt / TREND_TAU_SECONDS);
    Signal[] signals = {
      snapshot.inputTokensMean(),
      snapshot.inputTokensSecondMoment(),
      snapshot.outputTokensMean(),
      snapshot.outputTokensSecondMoment()
    };
    boolean any = false;
    for (int i = 0; i < KEYS.length; i++) {
      if (!signals[i].isOk()) {
        continue;
      }
      String key = KEYS[i];
      Double m = values.get(key);
      double x = signals[i].value();
      if (m == null || m.isNaN() || !(dt > 0) || Double.isInfinite(dt)) {
        values.put(key, m == null || m.isNaN() ? x : alpha * x + (1 - alpha) * m);
        values.putIfAbsent(key + TREND, 0.0);
      } else {
        double b = values.getOrDefault(key + TREND, 0.0);
        double level = alpha * x + (1 - alpha) * (m + b * dt);
        values.put(key, level);
        values.put(key + TREND, beta * (level - m) / dt + (1 - beta) * b);
      }
      any = true;
    }
    if (any || last == null) {
      values.put(AT, (double) at);
    }
  }

  /**
   * {E[ISL], E[ISL²], E[OSL], E[OSL²]} at their highest over the next {@code horizonSeconds}, for
   * length signals averaged over {@code windowSeconds}; zeros before any observation.
   */
  static double[] forecast(
      Map<String, Double> values, double horizonSeconds, double windowSeconds) {
    double ahead = Math.max(0, horizonSeconds) + Math.max(0, windowSeconds) / 2;
    double[] m = new double[KEYS.length];
    for (int i = 0; i < KEYS.length; i++) {
      double level = values.getOrDefault(KEYS[i], 0.0);
      double trend = values.getOrDefault(KEYS[i] + TREND, 0.0);
      double rise = Math.max(0, trend) * ahead;
      m[i] = level + Math.min(rise, (MAX_GROWTH - 1) * Math.max(0, level));
    }
    return new double[] {
      m[0], Math.max(m[0] * m[0], m[1]), m[2], Math.max(m[2] * m[2], m[3]),
    };
  }
}

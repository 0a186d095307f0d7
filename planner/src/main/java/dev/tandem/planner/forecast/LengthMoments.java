package dev.tandem.planner.forecast;

import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import java.util.Map;

/**
 * The cheap model of the request length mix: a time-aware EWMA of E[ISL], E[ISL²], E[OSL] and
 * E[OSL²] (tokens, tokens²), each updated only from an {@code OK} signal, so a missing window keeps
 * the last estimate instead of reading as zero. After an observation x at Δt seconds since the last
 * one, with α = 1 − e^{−Δt/τ} (τ = 60 s, about one metrics window):
 *
 * <pre>
 *   m' = α x + (1 − α) m          (the first observation is taken as is)
 * </pre>
 *
 * The forecast second moment is max(m₂, m₁²) so that the variance is never negative. Lengths move
 * slowly compared with the arrival rate and their window means are noisy (heavy-tailed prompts),
 * which is why a smoother is enough here while the rate gets the selector.
 */
final class LengthMoments {

  static final double TAU_SECONDS = 60;
  static final String AT = "len.atEpochMillis";
  private static final String[] KEYS = {"isl.mean", "isl.m2", "osl.mean", "osl.m2"};

  private LengthMoments() {}

  /** Folds the snapshot's length signals into {@code values} (in place). */
  static void observe(Map<String, Double> values, MetricsSnapshot snapshot) {
    long at = snapshot.at().toEpochMilli();
    Double last = values.get(AT);
    double dt = last == null ? Double.POSITIVE_INFINITY : Math.max(0, at - last) / 1000.0;
    double alpha = 1 - Math.exp(-dt / TAU_SECONDS);
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
      Double m = values.get(KEYS[i]);
      double x = signals[i].value();
      values.put(KEYS[i], m == null || m.isNaN() ? x : alpha * x + (1 - alpha) * m);
      any = true;
    }
    if (any || last == null) {
      values.put(AT, (double) at);
    }
  }

  /** {E[ISL], E[ISL²], E[OSL], E[OSL²]}; zeros before any observation. */
  static double[] forecast(Map<String, Double> values) {
    double isl = values.getOrDefault(KEYS[0], 0.0);
    double osl = values.getOrDefault(KEYS[2], 0.0);
    return new double[] {
      isl,
      Math.max(isl * isl, values.getOrDefault(KEYS[1], 0.0)),
      osl,
      Math.max(osl * osl, values.getOrDefault(KEYS[3], 0.0))
    };
  }
}

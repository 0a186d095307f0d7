package dev.tandem.planner;

/**
 * Learns how far a role's engines are from their profile: a multiplier k on the profile's latency
 * (k = 1.3: engines 30 % slower than profiled). After each healthy observation, with the model's
 * prediction at the observed load and the ready engines under the current k:
 *
 * <pre>
 *   ln k ← clamp( ln k + α · ln clamp(observed / predicted, ½, 2),  ln ½, ln 2 )      α = ½
 * </pre>
 *
 * i.e. an EWMA in log space of the ratio, bounded per step and overall to [0.5, 2], in both
 * directions. Queueing makes latency grow faster than k, so a step can overshoot upwards; that errs
 * towards more engines, and the next observations (at the larger size, with less queueing) pull it
 * back. The caller never feeds an observation the model calls overloaded (∞): a growing queue's
 * percentile measures the backlog, not the engines' speed.
 */
final class CorrectionLearner {

  static final double MIN = 0.5;
  static final double MAX = 2.0;
  static final double ALPHA = 0.5;

  private CorrectionLearner() {}

  /** The next correction from the current one, an observation and the prediction (ms). */
  static double next(double correction, double observedMillis, double predictedMillis) {
    double ratio = clamp(observedMillis / predictedMillis);
    return clamp(Math.exp(Math.log(correction) + ALPHA * Math.log(ratio)));
  }

  private static double clamp(double v) {
    return Math.max(MIN, Math.min(MAX, v));
  }
}

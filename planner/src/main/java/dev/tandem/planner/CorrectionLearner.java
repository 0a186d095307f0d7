package dev.tandem.planner;

import dev.tandem.planner.sizing.Normal;
import java.util.function.DoubleUnaryOperator;

/**
 * Learns how far a role's engines are from their profile: a multiplier k on the profile's latency
 * (k = 1.3: engines 30 % slower than profiled). After each healthy observation the learner asks
 * which k would have made the model predict exactly what was observed, at the observed load and the
 * ready engines, and moves part of the way there:
 *
 * <pre>
 *   k* = the k ∈ [½, 2] with predict(k) = observed      (root of ln predict(k) − ln observed in ln k)
 *   ln k ← ln k + α · (ln k* − ln k)                    α = max(½, 1 / (n + 1))
 * </pre>
 *
 * with n the observations learned before, i.e. an EWMA in log space of the model-consistent k (the
 * first observation taken whole), bounded to [0.5, 2], in both directions.
 *
 * <p><b>Why invert the model rather than scale by observed / predicted.</b> Latency is not
 * proportional to k once queueing matters: near saturation the predicted TTFT percentile grows like
 * k⁴ (on ServeGen's day, 37 ms at k = 0.8 and 88 ms at k = 1.0 on 7 engines at 257 req/s). The
 * ratio update {@code ln k += α ln(observed / predicted)} then has a loop gain of α × that
 * elasticity ≈ 2, the edge of instability: k flipped between 0.8 and 1.0 on every tick for hours,
 * and every second decision sized prefill for the pessimistic half of the cycle. Solving for k*
 * makes the step independent of the elasticity: one observation moves k halfway to the value that
 * explains it, whatever the operating point.
 *
 * <p>The caller never feeds an observation the model calls overloaded (∞) at the current k: a
 * growing queue's percentile measures the backlog, not the engines' speed.
 */
final class CorrectionLearner {

  static final double MIN = 0.5;
  static final double MAX = 2.0;
  static final double ALPHA = 0.5;

  /** Stop when the bracket on ln k is narrower than this (0.1 % of k). */
  static final double TOLERANCE = 1e-3;

  /** At most this many model evaluations after the two ends (typically 3–6 are used). */
  static final int MAX_STEPS = 30;

  private CorrectionLearner() {}

  /**
   * The k in [{@link #MIN}, {@link #MAX}] at which {@code predict} (ms at a given k, increasing in
   * k, possibly +∞) meets {@code observedMillis}; a bound when it is met outside them.
   */
  static double solve(DoubleUnaryOperator predict, double observedMillis) {
    double target = Math.log(observedMillis);
    double lo = Math.log(MIN);
    double hi = Math.log(MAX);
    double fLo = gap(predict, lo, target);
    if (fLo >= 0) {
      return MIN;
    }
    double fHi = gap(predict, hi, target);
    if (fHi <= 0) {
      return MAX;
    }
    // Illinois (regula falsi that halves the stale end's value) on ln predict − ln observed, which
    // is close to linear in ln k; a bisection step wherever an end is +∞ (the model overloaded).
    int side = 0;
    for (int i = 0; i < MAX_STEPS && hi - lo > TOLERANCE; i++) {
      double x = Double.isInfinite(fHi) ? (lo + hi) / 2 : lo + (hi - lo) * (-fLo) / (fHi - fLo);
      double f = gap(predict, x, target);
      if (f == 0) {
        return Math.exp(x);
      }
      if (f < 0) {
        lo = x;
        fLo = f;
        if (side == -1) {
          fHi /= 2;
        }
        side = -1;
      } else {
        hi = x;
        fHi = f;
        if (side == 1) {
          fLo /= 2;
        }
        side = 1;
      }
    }
    return Math.exp(
        Double.isInfinite(fHi) || fHi == fLo
            ? (lo + hi) / 2
            : lo + (hi - lo) * (-fLo) / (fHi - fLo));
  }

  private static double gap(DoubleUnaryOperator predict, double lnK, double lnObserved) {
    return Math.log(predict.applyAsDouble(Math.exp(lnK))) - lnObserved;
  }

  /**
   * The next correction from the current one and the k that explains the observation, with {@code
   * samples} observations learned before this one: the first moves all the way (nothing learned yet
   * outweighs it), later ones by α (a mean in log space for the first two, an EWMA from then on).
   */
  static double next(double correction, double explaining, long samples) {
    double alpha = Math.max(ALPHA, 1.0 / (samples + 1));
    double target = clamp(explaining);
    return clamp(
        Math.exp(Math.log(correction) + alpha * (Math.log(target) - Math.log(correction))));
  }

  /** Memory of {@link #spread}: about the last 20 observations (10 minutes at 30 s). */
  static final double SPREAD_WEIGHT = 1.0 / 20;

  /**
   * The mean of (ln k* − ln k)² after one more observation: how far single windows fall from the
   * learned k. The first observation ({@code samples} = 0) adds nothing: it sets k whole, and its
   * distance from the prior k = 1 is the profile's error, not the scatter of windows around what
   * was learned (on profile-drift a first k* of 1.64 held a margin of ×1.9 for 20 samples that read
   * 1.30). From the second on, a running mean over the first 20, then an EWMA of weight 1/20.
   */
  static double spread(double spread, double correction, double explaining, long samples) {
    if (samples == 0) {
      return spread;
    }
    double d = Math.log(clamp(explaining)) - Math.log(correction);
    double w = Math.max(SPREAD_WEIGHT, 1.0 / samples);
    return (1 - w) * spread + w * d * d;
  }

  /**
   * The correction a role is sized with: k · e^{z σ}, σ = √spread, z the q-quantile of the standard
   * normal (0 for q ≤ ½): the k that the next window's observation stays under with probability q,
   * if ln k* scatters normally around ln k.
   */
  static double sizing(double correction, double spread, double quantile) {
    double z = Math.max(0, Normal.quantile(quantile));
    return correction * Math.exp(z * Math.sqrt(spread));
  }

  private static double clamp(double v) {
    return Math.max(MIN, Math.min(MAX, v));
  }
}

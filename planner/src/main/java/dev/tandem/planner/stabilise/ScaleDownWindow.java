package dev.tandem.planner.stabilise;

import dev.tandem.config.policy.RoleBehavior;
import java.time.Duration;

/**
 * The scale-down stabilisation window a decision uses, from how well the forecast has lately
 * predicted the peak. The policy's window ({@code scaleDownStabilization}) guards against a
 * forecast that is wrong: a count is only lowered once every recommendation of the window agrees.
 * When the forecast has been right, that guard only holds engines through the trough of a swing (a
 * 5-minute window against a 10-minute period keeps the crest's engines up all the time), so:
 *
 * <pre>
 *   floor = interval                     (two successive recommendations must agree: one noisy
 *                                         dip is not acted on)
 *   u     = clamp((ρ − {@value #TRUSTED}) / ({@value #UNSURE} − {@value #TRUSTED}), 0, 1)
 *   W     = floor + u · (window − floor)
 * </pre>
 *
 * with ρ the recent relative RMS error of the forecast peak ({@code LoadForecast.peakError}). A
 * peak forecast within ±{@value #TRUSTED} keeps the window at one interval; beyond ±{@value
 * #UNSURE}, or unknown (cold start, a given load), the policy's full window applies. The floor is
 * not the lead time (start-up + interval): the target is already the peak forecast over the lead
 * time, so holding for it too counted the same time twice; with the lead time as floor the crest's
 * prefill engines stayed up one to two minutes into every trough of the sinusoid (seed 42: cold
 * 7.05 → 6.77 GPU-h and warm 6.55 → 6.49 at the same attainment, profile-drift 11.91 → 11.52,
 * azure-mix 7.22 → 7.15). A policy window shorter than the floor is used as written.
 *
 * <p><b>A scale-down also bets on the capacity model</b>: the lower count meets the target only if
 * the model's prediction for it is right. Until the role's correction has learned from at least one
 * window ({@code correctionSamples} ≥ 1), the model is unchecked and the policy's full window
 * applies however sure the forecast is. A forecast is sure from the first decision when it was
 * warmed from the metrics history ({@code ControlLoop.backfill}); on {@code profile-drift} (engines
 * 30 % slower than their profile) Tandem taking over after an hour then scaled prefill down to 2 at
 * once, met the first ramp with k = 1 and missed 4 windows (93.4 % at 8.70 GPU-h); waiting for the
 * first sample: 98.4 % at 9.05 (seed 42, {@code --warm-up 1h --policies tandem-takeover}).
 *
 * @param window the window this decision uses
 * @param why empty when the policy's window applies as written for want of a known forecast error,
 *     else the sentence saying why it is shorter, or why a sure forecast did not shorten it
 */
public record ScaleDownWindow(Duration window, String why) {

  /** Peak error at or below which the forecast is trusted fully. */
  public static final double TRUSTED = 0.10;

  /** Peak error at or above which the policy's full window applies. */
  public static final double UNSURE = 0.30;

  /**
   * @param peakError ρ, the recent relative RMS error of the forecast peak; NaN when unknown
   * @param correctionSamples the windows the role's correction has learned from
   */
  public static ScaleDownWindow of(
      RoleBehavior behavior, double peakError, long correctionSamples) {
    Duration policy = behavior.scaleDownStabilization();
    Duration floor = behavior.interval();
    if (floor.compareTo(policy) >= 0 || !Double.isFinite(peakError)) {
      return new ScaleDownWindow(policy, "");
    }
    double u = Math.max(0, Math.min(1, (peakError - TRUSTED) / (UNSURE - TRUSTED)));
    if (u >= 1) {
      return new ScaleDownWindow(policy, "");
    }
    if (correctionSamples < 1) {
      return new ScaleDownWindow(
          policy,
          String.format(
              "the policy's window although the forecast peak has lately been off by only ±%.0f%%:"
                  + " the capacity model has not been checked against an observed window yet (no"
                  + " correction sample)",
              peakError * 100));
    }
    long seconds = Math.round(floor.toSeconds() + u * (policy.toSeconds() - floor.toSeconds()));
    return new ScaleDownWindow(
        Duration.ofSeconds(seconds),
        String.format(
            "window %ds instead of %ds: the forecast peak has lately been off by ±%.0f%%"
                + " (±%.0f%% or less → one interval, %ds, ±%.0f%% or more → the policy's window)",
            seconds,
            policy.toSeconds(),
            peakError * 100,
            TRUSTED * 100,
            floor.toSeconds(),
            UNSURE * 100));
  }
}

package dev.tandem.planner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one tick of the {@link ControlLoop} did.
 *
 * @param at the tick's instant
 * @param plans the plans made (advisory ones included), in the order they were made
 * @param failures what went wrong, one entry per failing port call or deployment
 */
public record TickReport(Instant at, List<ScalingPlan> plans, List<Failure> failures) {

  public TickReport {
    plans = List.copyOf(plans);
    failures = List.copyOf(failures);
  }

  /** The plan made for {@code key} in this tick, if any. */
  public Optional<ScalingPlan> plan(DeploymentKey key) {
    return plans.stream().filter(p -> p.deployment().equals(key)).findFirst();
  }

  /**
   * One failure.
   *
   * @param deployment the deployment concerned; empty for a failure of a call over many
   * @param stage {@code metrics}, {@code state}, {@code plan} or {@code apply}
   * @param message the exception's class and message
   */
  public record Failure(Optional<DeploymentKey> deployment, String stage, String message) {}
}

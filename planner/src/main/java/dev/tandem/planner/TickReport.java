package dev.tandem.planner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one tick of the {@link ControlLoop} did.
 *
 * @param at the tick's instant
 * @param plans the plans made (advisory ones included), in the order they were made
 * @param failures what went wrong, one entry per failing port call or deployment
 * @param backfills the forecasts warmed from the metrics history in this tick (deployments seen for
 *     the first time without a stored forecast state; usually the first tick only)
 */
public record TickReport(
    Instant at, List<ScalingPlan> plans, List<Failure> failures, List<Backfill> backfills) {

  public TickReport {
    plans = List.copyOf(plans);
    failures = List.copyOf(failures);
    backfills = List.copyOf(backfills);
  }

  /** The plan made for {@code key} in this tick, if any. */
  public Optional<ScalingPlan> plan(DeploymentKey key) {
    return plans.stream().filter(p -> p.deployment().equals(key)).findFirst();
  }

  /**
   * One failure.
   *
   * @param deployment the deployment concerned; empty for a failure of a call over many
   * @param stage {@code metrics}, {@code state}, {@code plan}, {@code apply} or {@code backfill}
   * @param message the exception's class and message
   */
  public record Failure(Optional<DeploymentKey> deployment, String stage, String message) {}

  /**
   * One deployment's forecast warmed from the metrics history.
   *
   * @param deployment the deployment
   * @param readings the past readings its forecaster observed (those with an OK arrival rate)
   * @param asked the past instants asked for: the span over the tick
   * @param tick the spacing of those instants, the deployment's forecast tick
   */
  public record Backfill(DeploymentKey deployment, int readings, int asked, Duration tick) {

    /** One line for a log, e.g. {@code forecast of ns/x warmed from 118 of 120 past readings}. */
    public String describe() {
      return "forecast of "
          + deployment
          + (readings == 0
              ? " not warmed: none of the "
                  + asked
                  + " past readings ("
                  + tick.toSeconds()
                  + "s apart) had an arrival rate"
              : " warmed from "
                  + readings
                  + " of "
                  + asked
                  + " past readings, "
                  + tick.toSeconds()
                  + "s apart");
    }
  }
}

package dev.tandem.planner;

import dev.tandem.planner.forecast.ForecastKinds;
import dev.tandem.planner.forecast.ForecastState;
import dev.tandem.planner.forecast.LoadForecaster;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.ports.MetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warms the forecast of deployments the loop has no forecast state for (first sight, not a restart:
 * a restart resumes its stored state) from the metrics history, so that a deployment that was
 * serving before Tandem took it over is forecast with its own swing from the first decision.
 * Without it the selector needs its first refit plus 40 resolved forecasts (about 25 minutes at 30
 * s ticks) before it forecasts, and the scale-down windows stay at the policy's full length until
 * its peak error is known, holding the crests' engines through the troughs in between. On the
 * simulator's sinusoid that cold start costs 6.91 GPU-h where a loop that has been running spends
 * 6.22 for the same hour.
 *
 * <p>For every tick of the deployment's load series ({@link ForecastKinds#tick}) over the span
 * before {@code now}, the source is asked for the snapshot that ended then (a Prometheus query
 * evaluated at that instant reads exactly what the loop would have read), newest first, and the
 * forecaster observes them oldest first. One call per instant covers every deployment with the same
 * tick. Instants whose arrival rate is not OK are skipped (a gap is a missing tick, never a zero),
 * as are answers stamped with another instant (a source that can only read the present). A source
 * that throws (a failure, or the service's wall-time budget spent) ends that group's reads where
 * they are: the forecaster observes the recent part that was read, the tick goes on, and the
 * failure is reported ({@code backfill}).
 */
final class ForecastBackfill {

  private ForecastBackfill() {}

  /**
   * What a backfill did.
   *
   * @param states the warmed forecast state of every deployment that observed at least one reading
   * @param backfills one entry per deployment asked for
   * @param failures one entry per failing call
   */
  record Outcome(
      Map<DeploymentKey, ForecastState> states,
      List<TickReport.Backfill> backfills,
      List<TickReport.Failure> failures) {}

  static Outcome run(
      MetricsSource source,
      LoadForecaster forecaster,
      List<Deployment> deployments,
      Instant now,
      Duration span) {
    Map<Duration, List<DeploymentKey>> byTick = new LinkedHashMap<>();
    for (Deployment d : deployments) {
      byTick.computeIfAbsent(ForecastKinds.tick(d.policy()), t -> new ArrayList<>()).add(d.key());
    }
    Map<DeploymentKey, ForecastState> states = new HashMap<>();
    List<TickReport.Failure> failures = new ArrayList<>();
    List<TickReport.Backfill> backfills = new ArrayList<>();
    byTick.forEach(
        (tick, keys) -> {
          int asked = (int) (span.toMillis() / tick.toMillis());
          List<Map<DeploymentKey, MetricsSnapshot>> read =
              newestFirst(source, keys, now, tick, asked, failures);
          for (DeploymentKey key : keys) {
            int readings = observeOldestFirst(forecaster, key, read, now, tick, states);
            backfills.add(new TickReport.Backfill(key, readings, asked, tick));
          }
        });
    return new Outcome(states, backfills, failures);
  }

  /**
   * The snapshots of the {@code asked} ticks before {@code now}, newest first, up to the first read
   * that fails: what is lost to a failure (or a spent budget) is the oldest part, never the part
   * next to now.
   */
  private static List<Map<DeploymentKey, MetricsSnapshot>> newestFirst(
      MetricsSource source,
      List<DeploymentKey> keys,
      Instant now,
      Duration tick,
      int asked,
      List<TickReport.Failure> failures) {
    List<Map<DeploymentKey, MetricsSnapshot>> read = new ArrayList<>();
    for (int k = 1; k <= asked; k++) {
      Instant at = now.minus(tick.multipliedBy(k));
      try {
        read.add(source.snapshot(keys, at));
      } catch (RuntimeException e) {
        failures.add(
            new TickReport.Failure(
                Optional.empty(), "backfill", "reading " + at + ": " + ControlLoop.describe(e)));
        break;
      }
    }
    return read;
  }

  /**
   * Feeds {@code key}'s readings of {@code read} (newest first) to the forecaster oldest first,
   * skipping those without an OK rate or of another instant.
   *
   * @return how many it observed
   */
  private static int observeOldestFirst(
      LoadForecaster forecaster,
      DeploymentKey key,
      List<Map<DeploymentKey, MetricsSnapshot>> read,
      Instant now,
      Duration tick,
      Map<DeploymentKey, ForecastState> states) {
    int observed = 0;
    for (int k = read.size(); k >= 1; k--) {
      MetricsSnapshot s = read.get(k - 1).get(key);
      if (s == null
          || !s.deployment().equals(key)
          || !s.at().equals(now.minus(tick.multipliedBy(k)))
          || !s.arrivalRate().isOk()) {
        continue;
      }
      states.put(key, forecaster.observe(key, states.getOrDefault(key, ForecastState.empty()), s));
      observed++;
    }
    return observed;
  }
}

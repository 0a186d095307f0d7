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
    Map<Duration, List<Deployment>> byTick = new LinkedHashMap<>();
    for (Deployment d : deployments) {
      byTick.computeIfAbsent(ForecastKinds.tick(d.policy()), t -> new ArrayList<>()).add(d);
    }
    Map<DeploymentKey, ForecastState> states = new HashMap<>();
    Map<DeploymentKey, Integer> observed = new HashMap<>();
    List<TickReport.Failure> failures = new ArrayList<>();
    byTick.forEach(
        (tick, group) -> {
          List<DeploymentKey> keys = group.stream().map(Deployment::key).toList();
          long instants = span.toMillis() / tick.toMillis();
          // read newest first, so that a read that fails (or a spent budget) loses the oldest
          // part, not the part next to now; observe oldest first
          List<Map<DeploymentKey, MetricsSnapshot>> read = new ArrayList<>();
          for (long k = 1; k <= instants; k++) {
            Instant at = now.minus(tick.multipliedBy(k));
            try {
              read.add(source.snapshot(keys, at));
            } catch (RuntimeException e) {
              failures.add(
                  new TickReport.Failure(
                      Optional.empty(),
                      "backfill",
                      "reading "
                          + at
                          + ": "
                          + e.getClass().getSimpleName()
                          + ": "
                          + e.getMessage()));
              break;
            }
          }
          for (int k = read.size(); k >= 1; k--) {
            Instant at = now.minus(tick.multipliedBy(k));
            Map<DeploymentKey, MetricsSnapshot> snapshots = read.get(k - 1);
            for (DeploymentKey key : keys) {
              MetricsSnapshot s = snapshots.get(key);
              if (s == null
                  || !s.deployment().equals(key)
                  || !s.at().equals(at)
                  || !s.arrivalRate().isOk()) {
                continue;
              }
              states.put(
                  key, forecaster.observe(key, states.getOrDefault(key, ForecastState.empty()), s));
              observed.merge(key, 1, Integer::sum);
            }
          }
        });
    List<TickReport.Backfill> backfills = new ArrayList<>();
    for (Deployment d : deployments) {
      Duration tick = ForecastKinds.tick(d.policy());
      backfills.add(
          new TickReport.Backfill(
              d.key(),
              observed.getOrDefault(d.key(), 0),
              (int) (span.toMillis() / tick.toMillis()),
              tick));
    }
    return new Outcome(states, backfills, failures);
  }
}

package dev.tandem.metrics;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tick's reading of many deployments, and the queries it took.
 *
 * @param deployments reading per deployment, one for every deployment asked for
 * @param queries every query sent, in order (its attempts count the HTTP calls)
 */
public record MetricsReadout(
    Map<DeploymentKey, DeploymentReading> deployments, List<QueryResult> queries) {

  public MetricsReadout {
    deployments = Map.copyOf(deployments);
    queries = List.copyOf(queries);
  }

  /** The planner's snapshots. */
  public Map<DeploymentKey, MetricsSnapshot> snapshots() {
    Map<DeploymentKey, MetricsSnapshot> m = new TreeMap<>();
    deployments.forEach((k, r) -> m.put(k, r.snapshot()));
    return m;
  }

  /** HTTP requests made this tick, retries included. */
  public int httpCalls() {
    return queries.stream().mapToInt(QueryResult::attempts).sum();
  }
}

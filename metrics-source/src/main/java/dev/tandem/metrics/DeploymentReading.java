package dev.tandem.metrics;

import dev.tandem.config.policy.MetricSignal;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one tick read of one deployment: the planner's snapshot and, per signal, the reading behind
 * it (PromQL, series, reason, bucket bounds) that the doctor prints and the service may expose.
 */
public record DeploymentReading(
    DeploymentKey deployment, MetricsSnapshot snapshot, Map<MetricSignal, SignalReading> signals) {

  public DeploymentReading {
    signals = Map.copyOf(new EnumMap<>(signals));
  }

  public SignalReading signal(MetricSignal s) {
    return signals.get(s);
  }
}

package dev.tandem.planner.ports;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Reads what was observed of deployments (the Prometheus adapter, the simulator). Health is data: a
 * value that could not be read is marked {@code MISSING}, never zero. A deployment absent from the
 * result, or a call that throws, reads as all-MISSING for the deployments concerned.
 */
public interface MetricsSource {

  /** One snapshot per deployment, each describing the windows that end at {@code now}. */
  Map<DeploymentKey, MetricsSnapshot> snapshot(Collection<DeploymentKey> deployments, Instant now);
}

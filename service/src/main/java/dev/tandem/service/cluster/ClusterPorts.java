package dev.tandem.service.cluster;

import dev.tandem.planner.ports.MetricsSource;
import dev.tandem.planner.ports.ReplicaStateReader;
import dev.tandem.planner.ports.ScaleActuator;

/**
 * The one seam between the service and a cluster: the planner's three ports. In a cluster they are
 * the Prometheus source and the Kubernetes adapters ({@link ClusterAdapterConfiguration}); in
 * {@code tandem serve --simulate} the cli supplies the simulator's; tests supply doubles. The
 * service never knows which.
 *
 * @param metrics reads observed load and latencies
 * @param replicas reads replica counts of the targets
 * @param actuator writes replica counts (only plans of {@code active}, unpaused policies reach it)
 * @param description a few words for the start-up log, e.g. {@code prometheus + kubernetes}
 */
public record ClusterPorts(
    MetricsSource metrics,
    ReplicaStateReader replicas,
    ScaleActuator actuator,
    String description) {}

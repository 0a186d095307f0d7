package dev.tandem.config.policy;

import dev.tandem.config.yaml.SourceLocation;

/**
 * The optional router role, sized from the request rate alone: {@code ceil(requests per second /
 * requestsPerSecondPerReplica)} within the replica range.
 *
 * @param target the object whose replica count is the number of routers
 * @param gpusPerReplica GPUs of one router, 0 (the default) for CPU-only routers
 * @param minReplicas fewest routers, at least 1
 * @param maxReplicas most routers, at least {@code minReplicas}
 * @param requestsPerSecondPerReplica requests per second one router handles, greater than 0
 * @param targetLocation where {@code target} is written
 * @param gpusPerReplicaLocation where {@code gpusPerReplica} is written
 */
public record RouterRole(
    ScaleTarget target,
    int gpusPerReplica,
    int minReplicas,
    int maxReplicas,
    double requestsPerSecondPerReplica,
    SourceLocation targetLocation,
    SourceLocation gpusPerReplicaLocation)
    implements ScaledRole {

  public RouterRole {
    Check.present("target", target);
    Check.present("targetLocation", targetLocation);
    Check.present("gpusPerReplicaLocation", gpusPerReplicaLocation);
    Check.replicas(gpusPerReplica, 0, minReplicas, maxReplicas);
    Check.valid("requestsPerSecondPerReplica", Check.positive(requestsPerSecondPerReplica));
  }

  @Override
  public Role role() {
    return Role.ROUTER;
  }
}

package dev.tandem.config.policy;

import dev.tandem.config.yaml.SourceLocation;

/**
 * What every role of a policy has: the object it scales and its replica range, in replicas of
 * {@link #gpusPerReplica()} GPUs each (one replica of an engine role is one whole tensor-parallel
 * group, i.e. one engine).
 */
public sealed interface ScaledRole permits EngineRole, RouterRole {

  Role role();

  ScaleTarget target();

  /** GPUs of one replica (0 for CPU-only routers). */
  int gpusPerReplica();

  /** Fewest replicas, at least 1. */
  int minReplicas();

  /** Most replicas, at least {@link #minReplicas()}. */
  int maxReplicas();

  /** Where the role's {@code target} field is written. */
  SourceLocation targetLocation();

  /**
   * Where {@code gpusPerReplica} is written (the role's mapping when it was left at its default).
   */
  SourceLocation gpusPerReplicaLocation();

  /** GPUs this role holds at its minimum. */
  default int minimumGpus() {
    return minReplicas() * gpusPerReplica();
  }

  /** The dotted path of a field of this role, e.g. {@code spec.roles.decode.gpusPerReplica}. */
  default String path(String field) {
    return role().path() + "." + field;
  }
}

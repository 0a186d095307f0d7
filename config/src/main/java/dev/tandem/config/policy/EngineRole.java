package dev.tandem.config.policy;

import dev.tandem.config.yaml.SourceLocation;
import java.nio.file.Path;

/**
 * A prefill or decode role: a pool of inference engines measured by a performance profile.
 *
 * @param role {@link Role#PREFILL} or {@link Role#DECODE}
 * @param target the object whose replica count is the number of engines
 * @param gpusPerReplica GPUs of one engine (its tensor-parallel group), at least 1; must equal the
 *     profile's GPUs per engine (checked by the profiles module, at {@code gpusPerReplicaLocation})
 * @param minReplicas fewest engines, at least 1
 * @param maxReplicas most engines, at least {@code minReplicas}
 * @param profile the performance profile file, resolved against the policy file's directory
 * @param targetLocation where {@code target} is written
 * @param gpusPerReplicaLocation where {@code gpusPerReplica} is written
 * @param profileLocation where {@code profile} is written
 */
public record EngineRole(
    Role role,
    ScaleTarget target,
    int gpusPerReplica,
    int minReplicas,
    int maxReplicas,
    Path profile,
    SourceLocation targetLocation,
    SourceLocation gpusPerReplicaLocation,
    SourceLocation profileLocation)
    implements ScaledRole {

  public EngineRole {
    Check.present("role", role);
    if (role == Role.ROUTER) {
      throw new IllegalArgumentException("role: router is not an engine role");
    }
    Check.present("target", target);
    Check.present("profile", profile);
    Check.present("targetLocation", targetLocation);
    Check.present("gpusPerReplicaLocation", gpusPerReplicaLocation);
    Check.present("profileLocation", profileLocation);
    Check.replicas(gpusPerReplica, 1, minReplicas, maxReplicas);
  }
}

package dev.tandem.config.policy;

import java.util.Optional;

/**
 * The GPUs one deployment may hold.
 *
 * @param maxGpus most GPUs over all roles together (replicas × gpusPerReplica, summed); never
 *     exceeded, and at least what the roles' minimums need
 * @param pool the shared pool this deployment draws from, if any
 */
public record Budget(int maxGpus, Optional<GpuPool> pool) {

  public Budget {
    Check.present("pool", pool);
    Check.valid("maxGpus", Check.atLeast(maxGpus, 1));
  }
}

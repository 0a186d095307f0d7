package dev.tandem.config.policy;

import dev.tandem.config.yaml.SourceLocation;

/**
 * A shared pool of GPUs, read from a {@code kind: GpuPool} document by {@link GpuPoolLoader}.
 * Policies draw from it by naming it in {@code spec.budget.pool.name}; together they never hold
 * more than {@code maxGpus}.
 *
 * @param name the pool's name (DNS-1123 label), unique among the pools loaded together
 * @param maxGpus the GPUs of the pool, at least 1
 * @param origin where the document starts
 * @param nameLocation where {@code metadata.name} is written
 */
public record GpuPoolDefinition(
    String name, int maxGpus, SourceLocation origin, SourceLocation nameLocation) {

  public static final String KIND = "GpuPool";

  public GpuPoolDefinition {
    Check.present("name", name);
    Check.present("origin", origin);
    Check.present("nameLocation", nameLocation);
    Check.valid("metadata.name", Names.label(name));
    Check.valid("spec.maxGpus", Check.atLeast(maxGpus, 1));
  }
}

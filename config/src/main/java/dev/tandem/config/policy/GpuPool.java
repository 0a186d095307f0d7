package dev.tandem.config.policy;

import dev.tandem.config.yaml.SourceLocation;

/**
 * A policy's reference to a named pool of GPUs that several deployments share (the pool itself is a
 * {@code kind: GpuPool} document, {@link GpuPoolDefinition}). When the pool runs short, deployments
 * with a higher priority get GPUs first.
 *
 * @param name the pool's name (DNS-1123 label), equal in every policy that shares it
 * @param priority higher wins; default 0
 * @param nameLocation where {@code spec.budget.pool.name} is written (problems about the reference
 *     are reported there)
 */
public record GpuPool(String name, int priority, SourceLocation nameLocation) {

  public static final int DEFAULT_PRIORITY = 0;

  public GpuPool {
    Check.present("name", name);
    Check.present("nameLocation", nameLocation);
    Check.valid("name", Names.label(name));
  }

  /** A reference built in code, without a source position. */
  public GpuPool(String name, int priority) {
    this(name, priority, SourceLocation.ofSource("(code)"));
  }
}

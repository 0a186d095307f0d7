package dev.tandem.config.policy;

/**
 * A named pool of GPUs that several deployments share. When the pool runs short, deployments with a
 * higher priority get GPUs first.
 *
 * @param name the pool's name (DNS-1123 label), equal in every policy that shares it
 * @param priority higher wins; default 0
 */
public record GpuPool(String name, int priority) {

  public static final int DEFAULT_PRIORITY = 0;

  public GpuPool {
    Check.present("name", name);
    Check.valid("name", Names.label(name));
  }
}

package dev.tandem.planner;

import dev.tandem.config.policy.SlaPolicy;
import java.util.Objects;

/** Identifies one deployment (one SLA policy): {@code namespace/name}. */
public record DeploymentKey(String namespace, String name) implements Comparable<DeploymentKey> {

  public DeploymentKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static DeploymentKey of(SlaPolicy policy) {
    return new DeploymentKey(policy.namespace(), policy.name());
  }

  /** Parses {@code namespace/name}. */
  public static DeploymentKey parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new IllegalArgumentException("expected namespace/name, got '" + text + "'");
    }
    return new DeploymentKey(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public int compareTo(DeploymentKey o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}

package dev.tandem.config.policy;

import dev.tandem.config.yaml.YamlDocument;
import java.util.List;
import java.util.Optional;

/**
 * What {@link SlaPolicyLoader} read from a file or directory.
 *
 * @param policies the valid policies, in file order (files sorted by path)
 * @param otherDocuments documents of other kinds (e.g. {@code PerformanceProfile}), untouched, for
 *     the loaders of those kinds
 */
public record PolicySet(List<SlaPolicy> policies, List<YamlDocument> otherDocuments) {

  public PolicySet {
    policies = List.copyOf(policies);
    otherDocuments = List.copyOf(otherDocuments);
  }

  /** The policy {@code namespace/name}, if present. */
  public Optional<SlaPolicy> find(String namespace, String name) {
    return policies.stream()
        .filter(p -> p.namespace().equals(namespace) && p.name().equals(name))
        .findFirst();
  }
}

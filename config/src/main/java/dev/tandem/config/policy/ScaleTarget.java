package dev.tandem.config.policy;

import java.util.Optional;

/**
 * The Kubernetes object whose replica count one role of a policy sets, through its {@code /scale}
 * subresource.
 *
 * @param apiVersion e.g. {@code grove.io/v1alpha1}; for a {@link TargetKind known kind} it must be
 *     that kind's apiVersion
 * @param kind e.g. {@code PodClique}; any kind with a scale subresource
 * @param name the object's name (DNS-1123 subdomain)
 * @param namespace the object's namespace (DNS-1123 label)
 * @param service for {@code DynamoGraphDeployment} only (required there): the service inside the
 *     graph that this role scales, e.g. {@code VllmPrefillWorker}
 * @param clique for {@code PodCliqueSet} only: the clique template name the role scales (a
 *     standalone PodClique {@code <pcs>-<index>-<clique>} in every replica of the set)
 * @param scalingGroup for {@code PodCliqueSet} only: the scaling-group config name the role scales
 *     (a PodCliqueScalingGroup {@code <pcs>-<index>-<scalingGroup>} in every replica of the set); a
 *     PodCliqueSet target names exactly one of {@code clique} and {@code scalingGroup}
 */
public record ScaleTarget(
    String apiVersion,
    String kind,
    String name,
    String namespace,
    Optional<String> service,
    Optional<String> clique,
    Optional<String> scalingGroup) {

  /** A target that is not a PodCliqueSet member. */
  public ScaleTarget(
      String apiVersion, String kind, String name, String namespace, Optional<String> service) {
    this(apiVersion, kind, name, namespace, service, Optional.empty(), Optional.empty());
  }

  public ScaleTarget {
    Check.present("apiVersion", apiVersion);
    Check.present("kind", kind);
    Check.present("name", name);
    Check.present("namespace", namespace);
    Check.present("service", service);
    Check.valid("kind", Names.kind(kind));
    Check.valid("apiVersion", Names.apiVersion(apiVersion));
    Check.valid("name", Names.subdomain(name));
    Check.valid("namespace", Names.label(namespace));
    Optional<TargetKind> known = TargetKind.of(kind);
    if (known.isPresent() && !known.get().apiVersion().equals(apiVersion)) {
      throw new IllegalArgumentException(
          "apiVersion: '" + apiVersion + "' is not " + known.get().apiVersion() + " of " + kind);
    }
    boolean needsService = known.map(TargetKind::needsService).orElse(false);
    if (needsService && service.isEmpty()) {
      throw new IllegalArgumentException("service: is required for kind " + kind);
    }
    if (!needsService && service.isPresent()) {
      throw new IllegalArgumentException(
          "service: is only allowed for kind DynamoGraphDeployment, not " + kind);
    }
    service.ifPresent(s -> Check.valid("service", Names.notBlank(s)));
    Check.present("clique", clique);
    Check.present("scalingGroup", scalingGroup);
    boolean needsMember = known.map(TargetKind::needsGroveMember).orElse(false);
    if (needsMember && clique.isPresent() == scalingGroup.isPresent()) {
      throw new IllegalArgumentException(
          "clique, scalingGroup: kind " + kind + " needs exactly one of them");
    }
    if (!needsMember && (clique.isPresent() || scalingGroup.isPresent())) {
      throw new IllegalArgumentException(
          "clique, scalingGroup: only allowed for kind PodCliqueSet, not " + kind);
    }
    clique.ifPresent(c -> Check.valid("clique", Names.label(c)));
    scalingGroup.ifPresent(g -> Check.valid("scalingGroup", Names.label(g)));
  }

  /** The clique or scaling-group name of a PodCliqueSet target. */
  public Optional<String> groveMember() {
    return clique.isPresent() ? clique : scalingGroup;
  }

  /** A target of a known kind, with its default apiVersion. */
  public static ScaleTarget of(TargetKind kind, String name, String namespace) {
    return new ScaleTarget(kind.apiVersion(), kind.kind(), name, namespace, Optional.empty());
  }

  /**
   * The identity of the scaled object: two roles with equal identities would fight over one replica
   * count. The service is part of it, since two services of one graph scale separately.
   */
  public String identity() {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return kind
        + "."
        + group
        + " "
        + namespace
        + "/"
        + name
        + service.map(s -> "#" + s).orElse("")
        + groveMember().map(m -> "#" + m).orElse("");
  }

  /**
   * e.g. {@code PodClique inference/llama-8b-0-prefill} or {@code ... service VllmDecodeWorker}.
   */
  @Override
  public String toString() {
    return kind
        + " "
        + namespace
        + "/"
        + name
        + service.map(s -> " service " + s).orElse("")
        + clique.map(c -> " clique " + c).orElse("")
        + scalingGroup.map(g -> " scalingGroup " + g).orElse("");
  }
}

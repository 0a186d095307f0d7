package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Objects;
import java.util.Optional;

/**
 * One concrete Kubernetes object a role's count is written to: a policy target resolves to one (or,
 * for a PodCliqueSet, one per replica of the set).
 *
 * @param context group, version, plural and kind of the object's resource
 * @param namespace the namespace
 * @param name the object's name
 * @param service the Dynamo graph service, for a DynamoGraphDeployment
 */
public record ObjectRef(
    ResourceDefinitionContext context, String namespace, String name, Optional<String> service) {

  public ObjectRef {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(service, "service");
  }

  public String kind() {
    return context.getKind();
  }

  public String group() {
    return context.getGroup() == null ? "" : context.getGroup();
  }

  public String apiVersion() {
    return group().isEmpty() ? context.getVersion() : group() + "/" + context.getVersion();
  }

  public String plural() {
    return context.getPlural();
  }

  @Override
  public String toString() {
    return kind() + " " + namespace + "/" + name + service.map(s -> " service " + s).orElse("");
  }
}

package dev.tandem.service.auth;

import dev.tandem.config.policy.ScaleTarget;
import java.util.Locale;

/**
 * The resource attributes a SubjectAccessReview checks for writing a target's replica count: verb
 * {@code update} on the {@code scale} subresource of the target's resource (group from its
 * apiVersion, plural as the lower-cased kind plus {@code s}, which is right for every known kind).
 * A DynamoGraphDeployment role is a service inside the graph, scaled by updating the graph itself.
 *
 * @param group API group, {@code ""} for the core group
 * @param resource plural resource name, e.g. {@code podcliques}
 * @param subresource {@code scale}, or {@code ""}
 * @param namespace the target's namespace
 * @param name the target's name
 */
public record ScaleResource(
    String group, String resource, String subresource, String namespace, String name) {

  public static ScaleResource of(ScaleTarget t) {
    String api = t.apiVersion();
    String group = api.contains("/") ? api.substring(0, api.indexOf('/')) : "";
    String plural = t.kind().toLowerCase(Locale.ROOT) + "s";
    String sub = t.service().isPresent() ? "" : "scale";
    return new ScaleResource(group, plural, sub, t.namespace(), t.name());
  }

  @Override
  public String toString() {
    return resource
        + (group.isEmpty() ? "" : "." + group)
        + (subresource.isEmpty() ? "" : "/" + subresource)
        + " "
        + namespace
        + "/"
        + name;
  }
}

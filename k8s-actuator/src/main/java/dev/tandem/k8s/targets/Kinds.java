package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.Optional;

/**
 * The resources Tandem reads and writes, by kind: group, version, plural. Known kinds are listed
 * here (the RBAC rules are built from the same table); any other kind is found by API discovery of
 * its apiVersion.
 */
public final class Kinds {

  public static final ResourceDefinitionContext POD_CLIQUE =
      context("grove.io", "v1alpha1", "podcliques", "PodClique");
  public static final ResourceDefinitionContext POD_CLIQUE_SCALING_GROUP =
      context("grove.io", "v1alpha1", "podcliquescalinggroups", "PodCliqueScalingGroup");
  public static final ResourceDefinitionContext POD_CLIQUE_SET =
      context("grove.io", "v1alpha1", "podcliquesets", "PodCliqueSet");
  public static final ResourceDefinitionContext POD_GANG =
      context("scheduler.grove.io", "v1alpha1", "podgangs", "PodGang");
  public static final ResourceDefinitionContext LEADER_WORKER_SET =
      context("leaderworkerset.x-k8s.io", "v1", "leaderworkersets", "LeaderWorkerSet");
  public static final ResourceDefinitionContext DISAGGREGATED_SET =
      context("disaggregatedset.x-k8s.io", "v1", "disaggregatedsets", "DisaggregatedSet");
  public static final ResourceDefinitionContext ROLE_SCALER =
      context(
          "disaggregatedset.x-k8s.io",
          "v1",
          "disaggregatedsetrolescalers",
          "DisaggregatedSetRoleScaler");
  public static final ResourceDefinitionContext GRAPH_DEPLOYMENT =
      context("nvidia.com", "v1alpha1", "dynamographdeployments", "DynamoGraphDeployment");
  public static final ResourceDefinitionContext SCALING_ADAPTER =
      context(
          "nvidia.com",
          "v1alpha1",
          "dynamographdeploymentscalingadapters",
          "DynamoGraphDeploymentScalingAdapter");
  public static final ResourceDefinitionContext DEPLOYMENT =
      context("apps", "v1", "deployments", "Deployment");
  public static final ResourceDefinitionContext STATEFUL_SET =
      context("apps", "v1", "statefulsets", "StatefulSet");
  public static final ResourceDefinitionContext KEDA_SCALED_OBJECT =
      context("keda.sh", "v1alpha1", "scaledobjects", "ScaledObject");

  private static final Map<String, ResourceDefinitionContext> KNOWN =
      Map.ofEntries(
          entry(POD_CLIQUE),
          entry(POD_CLIQUE_SCALING_GROUP),
          entry(POD_CLIQUE_SET),
          entry(LEADER_WORKER_SET),
          entry(ROLE_SCALER),
          entry(GRAPH_DEPLOYMENT),
          entry(SCALING_ADAPTER),
          entry(DEPLOYMENT),
          entry(STATEFUL_SET));

  private Kinds() {}

  /** The resource of {@code apiVersion}/{@code kind}: the table, else API discovery. */
  public static ResourceDefinitionContext resolve(
      KubernetesClient client, String apiVersion, String kind) {
    ResourceDefinitionContext known = KNOWN.get(apiVersion + "/" + kind);
    if (known != null) {
      return known;
    }
    APIResourceList list = client.getApiResources(apiVersion);
    Optional<APIResource> found =
        list == null
            ? Optional.empty()
            : list.getResources().stream()
                .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/"))
                .findFirst();
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "the API server serves no kind " + kind + " in " + apiVersion + " (API discovery)");
    }
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withPlural(found.get().getName())
        .withKind(kind)
        .withNamespaced(Boolean.TRUE.equals(found.get().getNamespaced()))
        .build();
  }

  public static boolean isKnown(String apiVersion, String kind) {
    return KNOWN.containsKey(apiVersion + "/" + kind);
  }

  private static ResourceDefinitionContext context(
      String group, String version, String plural, String kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withPlural(plural)
        .withKind(kind)
        .withNamespaced(true)
        .build();
  }

  private static Map.Entry<String, ResourceDefinitionContext> entry(ResourceDefinitionContext c) {
    return Map.entry(c.getGroup() + "/" + c.getVersion() + "/" + c.getKind(), c);
  }
}

package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Dynamo graph deployment (or component deployment) that owns a Grove or LWS object. The
 * Dynamo operator rewrites the replicas of the objects it renders on every reconcile, so a write by
 * Tandem would be undone: such objects are refused and the user is pointed at the scaling adapter.
 */
public final class Ownership {

  /** The label Dynamo puts on what it renders for a graph. */
  public static final String DYNAMO_GRAPH_LABEL = "nvidia.com/dynamo-graph-deployment-name";

  private static final List<String> DYNAMO_KINDS =
      List.of("DynamoGraphDeployment", "DynamoComponentDeployment");

  private Ownership() {}

  /**
   * The owning Dynamo object, as {@code Kind name}, following owner references up through a
   * PodCliqueScalingGroup and a PodCliqueSet.
   */
  public static Optional<String> dynamoOwner(
      KubernetesClient client, GenericKubernetesResource object) {
    GenericKubernetesResource current = object;
    for (int depth = 0; depth < 3 && current != null; depth++) {
      String label = labels(current).get(DYNAMO_GRAPH_LABEL);
      if (label != null) {
        return Optional.of("DynamoGraphDeployment " + label);
      }
      GenericKubernetesResource next = null;
      for (OwnerReference owner : owners(current)) {
        if (DYNAMO_KINDS.contains(owner.getKind())) {
          return Optional.of(owner.getKind() + " " + owner.getName());
        }
        ResourceDefinitionContext parent = groveParent(owner);
        if (parent != null && next == null) {
          next =
              client
                  .genericKubernetesResources(parent)
                  .inNamespace(current.getMetadata().getNamespace())
                  .withName(owner.getName())
                  .get();
        }
      }
      current = next;
    }
    return Optional.empty();
  }

  /** The controlling owner of kind {@code kind}, if any. */
  public static Optional<OwnerReference> owner(GenericKubernetesResource object, String kind) {
    return owners(object).stream().filter(o -> kind.equals(o.getKind())).findFirst();
  }

  /** Every owner, as {@code Kind/name}, for the doctor. */
  public static String describeOwners(GenericKubernetesResource object) {
    List<OwnerReference> owners = owners(object);
    return owners.isEmpty()
        ? "none"
        : String.join(", ", owners.stream().map(o -> o.getKind() + "/" + o.getName()).toList());
  }

  private static ResourceDefinitionContext groveParent(OwnerReference owner) {
    return switch (owner.getKind()) {
      case "PodCliqueSet" -> Kinds.POD_CLIQUE_SET;
      case "PodCliqueScalingGroup" -> Kinds.POD_CLIQUE_SCALING_GROUP;
      default -> null;
    };
  }

  private static List<OwnerReference> owners(GenericKubernetesResource object) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    return owners == null ? List.of() : owners;
  }

  static java.util.Map<String, String> labels(GenericKubernetesResource object) {
    java.util.Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? java.util.Map.of() : labels;
  }
}

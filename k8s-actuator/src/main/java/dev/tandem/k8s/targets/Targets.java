package dev.tandem.k8s.targets;

import dev.tandem.config.policy.ScaleTarget;
import dev.tandem.k8s.TargetGoneException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a policy's {@link ScaleTarget} to the objects to read and write, each with its kind's
 * strategy. A PodCliqueSet target becomes Grove's generated names in every replica of the set:
 * {@code <pcs>-<index>-<clique>} (standalone PodCliques) or {@code <pcs>-<index>-<scalingGroup>}
 * (PodCliqueScalingGroups).
 */
public final class Targets {

  private final KubernetesClient client;

  public Targets(KubernetesClient client) {
    this.client = client;
  }

  public List<ResolvedObject> resolve(ScaleTarget target) {
    if (target.kind().equals("PodCliqueSet")) {
      return podCliqueSet(target);
    }
    ResourceDefinitionContext context = Kinds.resolve(client, target.apiVersion(), target.kind());
    ObjectRef ref = new ObjectRef(context, target.namespace(), target.name(), target.service());
    return List.of(new ResolvedObject(ref, strategy(target.kind())));
  }

  /** The strategy of a kind; kinds not named here are written through their /scale. */
  public static TargetStrategy strategy(String kind) {
    return switch (kind) {
      case "PodClique" -> new PodCliqueStrategy();
      case "PodCliqueScalingGroup" -> new PodCliqueScalingGroupStrategy();
      case "LeaderWorkerSet" -> new LeaderWorkerSetStrategy();
      case "DisaggregatedSetRoleScaler" -> new RoleScalerStrategy();
      case "DynamoGraphDeploymentScalingAdapter" -> new ScalingAdapterStrategy();
      case "DynamoGraphDeployment" -> new GraphDeploymentStrategy();
      default -> new ScaleSubresourceStrategy();
    };
  }

  private List<ResolvedObject> podCliqueSet(ScaleTarget target) {
    GenericKubernetesResource set =
        client
            .genericKubernetesResources(Kinds.POD_CLIQUE_SET)
            .inNamespace(target.namespace())
            .withName(target.name())
            .get();
    if (set == null) {
      throw new TargetGoneException(
          "PodCliqueSet " + target.namespace() + "/" + target.name() + " not found");
    }
    int replicas = Json.integer(set, "spec", "replicas").orElse(1);
    boolean clique = target.clique().isPresent();
    String member = target.groveMember().orElseThrow();
    ResourceDefinitionContext context = clique ? Kinds.POD_CLIQUE : Kinds.POD_CLIQUE_SCALING_GROUP;
    TargetStrategy strategy =
        clique ? new PodCliqueStrategy() : new PodCliqueScalingGroupStrategy();
    List<ResolvedObject> objects = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      String name = target.name() + "-" + i + "-" + member;
      objects.add(
          new ResolvedObject(
              new ObjectRef(context, target.namespace(), name, Optional.empty()), strategy));
    }
    return objects;
  }

  /**
   * Splits a role's count over the replicas of a set as evenly as possible, the lower indices
   * taking the remainder: 5 over 2 is [3, 2].
   */
  public static int[] split(int total, int parts) {
    int[] counts = new int[parts];
    for (int i = 0; i < parts; i++) {
      counts[i] = total / parts + (i < total % parts ? 1 : 0);
    }
    return counts;
  }

  /** The live object, or null when it does not exist. */
  public GenericKubernetesResource get(ObjectRef ref) {
    return client
        .genericKubernetesResources(ref.context())
        .inNamespace(ref.namespace())
        .withName(ref.name())
        .get();
  }
}

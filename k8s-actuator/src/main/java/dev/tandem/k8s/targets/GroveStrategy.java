package dev.tandem.k8s.targets;

import dev.tandem.k8s.Outcome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Grove's PodClique and PodCliqueScalingGroup share: written through {@code /scale}, refused
 * when a Dynamo graph owns them, and pending when their pods are unschedulable or their PodGang is
 * not scheduled (gang scheduling by KAI or the default scheduler places all of a gang or none).
 */
abstract class GroveStrategy extends ScaleSubresourceStrategy {

  static final String PART_OF = "app.kubernetes.io/part-of";

  /**
   * The replica counts of a Grove object's spec and status. Both kinds report {@code replicas},
   * {@code updatedReplicas}, {@code scheduledReplicas}, {@code minAvailable} and the {@code
   * MinAvailableBreached} condition alike; they differ in which status field counts the replicas
   * that serve ({@code readyReplicas} for a PodClique, {@code availableReplicas} for a scaling
   * group).
   */
  static Replicas readStatus(GenericKubernetesResource live, String servingField) {
    int desired = Json.integer(live, "spec", "replicas").orElse(0);
    int observed = Json.integer(live, "status", "replicas").orElse(0);
    int serving = Json.integer(live, "status", servingField).orElse(0);
    Optional<Integer> updated = Json.integer(live, "status", "updatedReplicas");
    int scheduled = Json.integer(live, "status", "scheduledReplicas").orElse(0);
    boolean breached = Json.conditionTrue(live, "MinAvailableBreached");
    return new Replicas(
        desired,
        observed,
        serving,
        updated,
        Json.integer(live, "spec", "minAvailable").orElse(0),
        updated.map(u -> u < observed).orElse(false),
        servingField
            + " "
            + serving
            + ", scheduledReplicas "
            + scheduled
            + (breached ? ", MinAvailableBreached" : ""));
  }

  @Override
  public Optional<Refusal> refusal(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    return Ownership.dynamoOwner(client, live)
        .map(
            owner ->
                new Refusal(
                    Outcome.REFUSED_DYNAMO_OWNED,
                    "OwnedByDynamo",
                    ref
                        + " is rendered by "
                        + owner
                        + ", whose operator rewrites its replicas on every reconcile; target the"
                        + " graph's DynamoGraphDeploymentScalingAdapter (or the graph deployment's"
                        + " service) instead"));
  }

  @Override
  public int pendingPastTimeout(
      KubernetesClient client,
      ObjectRef ref,
      GenericKubernetesResource live,
      Instant now,
      Duration timeout) {
    int pods = super.pendingPastTimeout(client, ref, live, now, timeout);
    return Math.max(pods, unscheduledGangs(client, ref, live, now, timeout));
  }

  @Override
  protected Map<String, String> podSelector(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    return Map.of(podLabel(), ref.name());
  }

  /** The pod label naming this object ({@code grove.io/podclique} or the scaling group's). */
  abstract String podLabel();

  /** Replica units of this object inside one unscheduled PodGang. */
  abstract int unitsIn(ObjectRef ref, List<Map<?, ?>> podGroups);

  private int unscheduledGangs(
      KubernetesClient client,
      ObjectRef ref,
      GenericKubernetesResource live,
      Instant now,
      Duration timeout) {
    String set = Ownership.labels(live).get(PART_OF);
    if (set == null) {
      return 0;
    }
    List<GenericKubernetesResource> gangs;
    try {
      gangs =
          client
              .genericKubernetesResources(Kinds.POD_GANG)
              .inNamespace(ref.namespace())
              .withLabel(PART_OF, set)
              .list()
              .getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return 0; // no PodGang CRD: Grove without its scheduler API
      }
      throw e;
    }
    int units = 0;
    for (GenericKubernetesResource gang : gangs) {
      String phase = Json.string(gang, "status", "phase").orElse("Pending");
      String created = gang.getMetadata().getCreationTimestamp();
      boolean old = created != null && !Instant.parse(created).plus(timeout).isAfter(now);
      if ("Pending".equals(phase) && old) {
        List<Map<?, ?>> groups = new java.util.ArrayList<>();
        Json.at(gang, "spec", "podgroups")
            .filter(List.class::isInstance)
            .ifPresent(
                l -> {
                  for (Object g : (List<?>) l) {
                    if (g instanceof Map<?, ?> m) {
                      groups.add(m);
                    }
                  }
                });
        units += unitsIn(ref, groups);
      }
    }
    return units;
  }
}

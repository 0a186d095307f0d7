package dev.tandem.k8s.targets;

import dev.tandem.k8s.Outcome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;

/**
 * {@code LeaderWorkerSet}: one replica is one group (a leader and its workers, one engine). Ready
 * from {@code status.readyReplicas}; a rollout is in progress while the {@code UpdateInProgress}
 * condition is true or {@code updatedReplicas < replicas}. LeaderWorkerSets rendered by Dynamo (one
 * per replica, each with {@code replicas: 1}) are refused.
 */
public final class LeaderWorkerSetStrategy extends ScaleSubresourceStrategy {

  static final String NAME_LABEL = "leaderworkerset.sigs.k8s.io/name";

  @Override
  public Replicas read(KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    int desired = Json.integer(live, "spec", "replicas").orElse(1);
    int observed = Json.integer(live, "status", "replicas").orElse(0);
    int ready = Json.integer(live, "status", "readyReplicas").orElse(0);
    Optional<Integer> updated = Json.integer(live, "status", "updatedReplicas");
    boolean updating = Json.conditionTrue(live, "UpdateInProgress");
    return new Replicas(
        desired,
        observed,
        ready,
        updated,
        0,
        updating || updated.map(u -> u < observed).orElse(false),
        "readyReplicas " + ready + (updating ? ", UpdateInProgress" : ""));
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
                        + " (one LeaderWorkerSet per replica); target the graph's scaling"
                        + " adapter or the graph deployment's service instead"));
  }

  @Override
  protected Map<String, String> podSelector(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    return Map.of(NAME_LABEL, ref.name());
  }

  @Override
  protected Optional<String> groupLabel() {
    return Optional.of("leaderworkerset.sigs.k8s.io/group-index");
  }
}

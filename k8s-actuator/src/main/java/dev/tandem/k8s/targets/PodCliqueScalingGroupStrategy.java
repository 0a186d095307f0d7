package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grove {@code PodCliqueScalingGroup}: one replica is one whole group of cliques (e.g. a TP group
 * spanning nodes). It has no {@code readyReplicas}: ready is {@code status.availableReplicas} (a
 * group replica is available when each of its cliques has at least minAvailable ready pods).
 * Pending pods count once per group replica, by {@code
 * grove.io/podcliquescalinggroup-replica-index}.
 */
public final class PodCliqueScalingGroupStrategy extends GroveStrategy {

  @Override
  public Replicas read(KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    return readStatus(live, "availableReplicas");
  }

  @Override
  String podLabel() {
    return "grove.io/podcliquescalinggroup";
  }

  @Override
  protected Optional<String> groupLabel() {
    return Optional.of("grove.io/podcliquescalinggroup-replica-index");
  }

  /** A PodGang beyond the group's minAvailable holds one group replica. */
  @Override
  int unitsIn(ObjectRef ref, List<Map<?, ?>> podGroups) {
    String prefix = ref.name() + "-";
    return podGroups.stream()
            .anyMatch(g -> g.get("name") instanceof String n && n.startsWith(prefix))
        ? 1
        : 0;
  }
}

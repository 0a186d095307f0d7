package dev.tandem.k8s.targets;

import dev.tandem.k8s.Outcome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grove {@code PodClique}: one replica is one pod (one engine). Ready from {@code
 * status.readyReplicas}, rollout from {@code status.updatedReplicas < status.replicas}, floor from
 * {@code spec.minAvailable}; {@code MinAvailableBreached} is reported in the note. A clique that
 * belongs to a PodCliqueScalingGroup is refused (Grove scales it through its group), as is one with
 * Grove's own {@code autoScalingConfig} (Grove then runs an HPA on it).
 */
public final class PodCliqueStrategy extends GroveStrategy {

  @Override
  public Replicas read(KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    return readStatus(live, "readyReplicas");
  }

  @Override
  public Optional<Refusal> refusal(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    Optional<Refusal> dynamo = super.refusal(client, ref, live);
    if (dynamo.isPresent()) {
      return dynamo;
    }
    if (Json.at(live, "spec", "autoScalingConfig").isPresent()) {
      return Optional.of(
          new Refusal(
              Outcome.REFUSED_AUTOSCALER,
              "GroveAutoScalingConfig",
              ref
                  + " has spec.autoScalingConfig, so Grove runs an HPA on it; remove it from the"
                  + " PodCliqueSet template to let Tandem scale this clique"));
    }
    return Ownership.owner(live, "PodCliqueScalingGroup")
        .map(
            g ->
                new Refusal(
                    Outcome.REFUSED_GROUP_MEMBER,
                    "ScalingGroupMember",
                    ref
                        + " belongs to PodCliqueScalingGroup "
                        + g.getName()
                        + ", which Grove scales as a whole; target the PodCliqueScalingGroup"));
  }

  @Override
  String podLabel() {
    return "grove.io/podclique";
  }

  @Override
  int unitsIn(ObjectRef ref, List<Map<?, ?>> podGroups) {
    int units = 0;
    for (Map<?, ?> group : podGroups) {
      if (ref.name().equals(group.get("name"))) {
        Object pods = group.get("podReferences");
        units += pods instanceof List<?> l ? l.size() : 0;
      }
    }
    return units;
  }
}

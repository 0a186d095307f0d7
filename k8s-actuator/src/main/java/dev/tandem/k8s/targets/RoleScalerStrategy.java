package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LWS {@code DisaggregatedSetRoleScaler} (a DisaggregatedSet role in {@code scaling.mode:
 * External}): written through its {@code /scale}; its own status only echoes LWS group counts, so
 * readiness is read from the parent DisaggregatedSet's {@code status.roleStatuses[role]}. Parent
 * and role come from the scaler's labels ({@code disaggregatedset.x-k8s.io/name}, {@code /role}) or
 * its controlling owner.
 */
public final class RoleScalerStrategy extends ScaleSubresourceStrategy {

  static final String SET_LABEL = "disaggregatedset.x-k8s.io/name";
  static final String ROLE_LABEL = "disaggregatedset.x-k8s.io/role";

  @Override
  public Replicas read(KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    int desired = Json.integer(live, "spec", "replicas").orElse(0);
    Map<String, String> labels = Ownership.labels(live);
    String set =
        Optional.ofNullable(labels.get(SET_LABEL))
            .or(() -> Ownership.owner(live, "DisaggregatedSet").map(OwnerReference::getName))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        ref + " names no parent DisaggregatedSet (label " + SET_LABEL + ")"));
    String role =
        Optional.ofNullable(labels.get(ROLE_LABEL))
            .orElseThrow(() -> new IllegalStateException(ref + " has no role label " + ROLE_LABEL));
    GenericKubernetesResource parent =
        client
            .genericKubernetesResources(Kinds.DISAGGREGATED_SET)
            .inNamespace(ref.namespace())
            .withName(set)
            .get();
    Map<?, ?> status = parent == null ? Map.of() : roleStatus(parent, role);
    int observed = number(status.get("replicas"));
    int ready = number(status.get("readyReplicas"));
    Optional<Integer> updated =
        status.containsKey("updatedReplicas")
            ? Optional.of(number(status.get("updatedReplicas")))
            : Optional.empty();
    return new Replicas(
        desired,
        observed,
        ready,
        updated,
        0,
        updated.map(u -> u < observed).orElse(false),
        "DisaggregatedSet "
            + set
            + " roleStatuses["
            + role
            + "]: readyReplicas "
            + ready
            + (parent == null ? " (parent not found)" : ""));
  }

  @Override
  protected Map<String, String> podSelector(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    Map<String, String> labels = Ownership.labels(live);
    if (!labels.containsKey(SET_LABEL) || !labels.containsKey(ROLE_LABEL)) {
      return Map.of();
    }
    return Map.of(SET_LABEL, labels.get(SET_LABEL), ROLE_LABEL, labels.get(ROLE_LABEL));
  }

  @Override
  protected Optional<String> groupLabel() {
    return Optional.of("leaderworkerset.sigs.k8s.io/group-key");
  }

  private static Map<?, ?> roleStatus(GenericKubernetesResource parent, String role) {
    return Json.at(parent, "status", "roleStatuses")
        .filter(List.class::isInstance)
        .map(l -> (List<?>) l)
        .orElse(List.of())
        .stream()
        .filter(Map.class::isInstance)
        .map(m -> (Map<?, ?>) m)
        .filter(m -> role.equals(m.get("name")))
        .findFirst()
        .orElse(Map.of());
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}

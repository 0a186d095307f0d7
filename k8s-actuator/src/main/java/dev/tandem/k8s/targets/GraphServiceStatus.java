package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Optional;

/**
 * A Dynamo graph service's {@code status.services.<svc>}: readyReplicas for PodClique, Deployment
 * and LeaderWorkerSet components, availableReplicas for PodCliqueScalingGroup ones (the CRD says
 * each is absent for the other kinds), plus replicas and updatedReplicas.
 */
record GraphServiceStatus(int replicas, int ready, Optional<Integer> updated, String note) {

  static GraphServiceStatus of(GenericKubernetesResource graph, String service) {
    Map<?, ?> s =
        Json.at(graph, "status", "services", service)
            .filter(Map.class::isInstance)
            .map(m -> (Map<?, ?>) m)
            .orElse(Map.of());
    int replicas = number(s.get("replicas"));
    Object readyField = s.containsKey("readyReplicas") ? "readyReplicas" : "availableReplicas";
    int ready = number(s.get(readyField));
    Optional<Integer> updated =
        s.containsKey("updatedReplicas")
            ? Optional.of(number(s.get("updatedReplicas")))
            : Optional.empty();
    String kind = s.get("componentKind") instanceof String k ? k : "unknown component kind";
    return new GraphServiceStatus(
        replicas,
        ready,
        updated,
        "DynamoGraphDeployment "
            + graph.getMetadata().getName()
            + " status.services."
            + service
            + " ("
            + kind
            + "): "
            + readyField
            + " "
            + ready);
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}

package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * Dynamo {@code DynamoGraphDeploymentScalingAdapter}: written through its {@code /scale}. Its own
 * {@code status.replicas} only echoes the desired count, so readiness is read from the graph
 * deployment named in {@code spec.dgdRef}: {@code status.services.<serviceName>}.
 */
public final class ScalingAdapterStrategy extends ScaleSubresourceStrategy {

  @Override
  public Replicas read(KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    int desired = Json.integer(live, "spec", "replicas").orElse(0);
    String graphName =
        Json.string(live, "spec", "dgdRef", "name")
            .orElseThrow(() -> new IllegalStateException(ref + " has no spec.dgdRef.name"));
    String service =
        Json.string(live, "spec", "dgdRef", "serviceName")
            .orElseThrow(() -> new IllegalStateException(ref + " has no spec.dgdRef.serviceName"));
    GenericKubernetesResource graph =
        client
            .genericKubernetesResources(Kinds.GRAPH_DEPLOYMENT)
            .inNamespace(ref.namespace())
            .withName(graphName)
            .get();
    if (graph == null) {
      return new Replicas(
          desired,
          0,
          0,
          java.util.Optional.empty(),
          0,
          false,
          "DynamoGraphDeployment " + graphName + " not found");
    }
    GraphServiceStatus s = GraphServiceStatus.of(graph, service);
    return new Replicas(
        desired,
        s.replicas(),
        s.ready(),
        s.updated(),
        0,
        s.updated().map(u -> u < s.replicas()).orElse(false),
        s.note());
  }

  @Override
  protected Map<String, String> podSelector(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    return PendingPods.parseSelector(Json.string(live, "status", "selector").orElse(null));
  }
}

package dev.tandem.k8s.targets;

import dev.tandem.k8s.Outcome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Dynamo {@code DynamoGraphDeployment} without a scaling adapter: it has no {@code /scale}, so the
 * service's count is written by a JSON merge patch of {@code spec.services.<svc>.replicas} that
 * carries {@code metadata.resourceVersion} (a stale version answers 409). When the service has
 * {@code scalingAdapter.enabled: true}, Dynamo's webhook rejects such patches from anyone but its
 * own planner, so the write is refused with the adapter's name to target instead.
 */
public final class GraphDeploymentStrategy implements TargetStrategy {

  @Override
  public Replicas read(KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    String service = service(ref);
    if (Json.at(live, "spec", "services", service).isEmpty()) {
      throw new IllegalStateException(
          ref + ": the graph has no service " + service + " in spec.services");
    }
    int desired = Json.integer(live, "spec", "services", service, "replicas").orElse(1);
    GraphServiceStatus s = GraphServiceStatus.of(live, service);
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
  public void write(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live, int replicas) {
    client
        .genericKubernetesResources(ref.context())
        .inNamespace(ref.namespace())
        .resource(live)
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch(live, service(ref), replicas));
  }

  /** The merge patch: the replicas of one service, conditional on the read resourceVersion. */
  public static String patch(GenericKubernetesResource live, String service, int replicas) {
    return "{\"metadata\":{\"resourceVersion\":\""
        + live.getMetadata().getResourceVersion()
        + "\"},\"spec\":{\"services\":{\""
        + service.replace("\"", "\\\"")
        + "\":{\"replicas\":"
        + replicas
        + "}}}}";
  }

  @Override
  public Optional<Refusal> refusal(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    String service = service(ref);
    boolean adapter =
        Json.at(live, "spec", "services", service, "scalingAdapter", "enabled")
            .map(Boolean.TRUE::equals)
            .orElse(false);
    if (!adapter) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            Outcome.REFUSED_ADAPTER_ENABLED,
            "ScalingAdapterEnabled",
            ref
                + " has scalingAdapter.enabled, so Dynamo's webhook rejects direct replica edits;"
                + " target DynamoGraphDeploymentScalingAdapter "
                + ref.name()
                + "-"
                + service.toLowerCase(Locale.ROOT)
                + " instead"));
  }

  @Override
  public int pendingPastTimeout(
      KubernetesClient client,
      ObjectRef ref,
      GenericKubernetesResource live,
      Instant now,
      Duration timeout) {
    Map<String, String> selector =
        Map.of(
            Ownership.DYNAMO_GRAPH_LABEL, ref.name(), "nvidia.com/dynamo-component", service(ref));
    return PendingPods.count(client, ref.namespace(), selector, Optional.empty(), now, timeout);
  }

  private static String service(ObjectRef ref) {
    return ref.service()
        .orElseThrow(() -> new IllegalArgumentException(ref + " names no graph service"));
  }
}

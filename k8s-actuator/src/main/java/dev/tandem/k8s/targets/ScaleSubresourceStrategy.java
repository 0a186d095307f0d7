package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Any kind with a {@code /scale} subresource (Deployment, StatefulSet, and every CRD declaring
 * one). The write is an {@code autoscaling/v1} Scale PUT carrying the live object's {@code
 * resourceVersion}, so the API server rejects it with 409 if the object changed since it was read.
 * The replicas come from the Scale itself (its spec/status follow the CRD's {@code
 * specReplicasPath} and {@code statusReplicasPath}); readiness from {@code status.readyReplicas}
 * where the kind reports it.
 */
public class ScaleSubresourceStrategy implements TargetStrategy {

  @Override
  public Replicas read(KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    Scale scale = scale(client, ref);
    int desired = scale.getSpec() == null ? 0 : orZero(scale.getSpec().getReplicas());
    int observed = scale.getStatus() == null ? 0 : orZero(scale.getStatus().getReplicas());
    int ready = Json.integer(live, "status", "readyReplicas").orElse(observed);
    Optional<Integer> updated = Json.integer(live, "status", "updatedReplicas");
    boolean rolling = updated.map(u -> u < observed).orElse(false);
    return new Replicas(
        desired,
        observed,
        ready,
        updated,
        0,
        rolling,
        "scale spec.replicas " + desired + ", status.replicas " + observed);
  }

  @Override
  public void write(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live, int replicas) {
    Scale scale =
        new ScaleBuilder()
            .withNewMetadata()
            .withName(ref.name())
            .withNamespace(ref.namespace())
            .withResourceVersion(live.getMetadata().getResourceVersion())
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .endSpec()
            .build();
    client
        .genericKubernetesResources(ref.context())
        .inNamespace(ref.namespace())
        .withName(ref.name())
        .scale(scale);
  }

  @Override
  public int pendingPastTimeout(
      KubernetesClient client,
      ObjectRef ref,
      GenericKubernetesResource live,
      Instant now,
      Duration timeout) {
    return PendingPods.count(
        client, ref.namespace(), podSelector(client, ref, live), groupLabel(), now, timeout);
  }

  /** The labels of the target's pods. */
  protected Map<String, String> podSelector(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    Scale scale = scale(client, ref);
    return PendingPods.parseSelector(
        scale.getStatus() == null ? null : scale.getStatus().getSelector());
  }

  /** The pod label that tells which replica a pod belongs to, for multi-pod replicas. */
  protected Optional<String> groupLabel() {
    return Optional.empty();
  }

  protected static Scale scale(KubernetesClient client, ObjectRef ref) {
    return client
        .genericKubernetesResources(ref.context())
        .inNamespace(ref.namespace())
        .withName(ref.name())
        .scale();
  }

  protected static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}

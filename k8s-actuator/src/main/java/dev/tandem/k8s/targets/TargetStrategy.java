package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one kind of target is read and written. Strategies hold no state; every call gets the live
 * object the actuator has just read, so the checks and the write see the same version.
 */
public interface TargetStrategy {

  /** The replicas the object reports, in the role's units. */
  Replicas read(KubernetesClient client, ObjectRef ref, GenericKubernetesResource live);

  /**
   * Writes {@code replicas}, conditional on the live object's {@code resourceVersion} (a concurrent
   * change answers 409 Conflict). Throws fabric8's {@code KubernetesClientException} on failure.
   */
  void write(KubernetesClient client, ObjectRef ref, GenericKubernetesResource live, int replicas);

  /**
   * Replica units that have been unschedulable (pods Pending with {@code PodScheduled=False}, or
   * Grove PodGangs not scheduled) for at least {@code timeout} at {@code now}.
   */
  int pendingPastTimeout(
      KubernetesClient client,
      ObjectRef ref,
      GenericKubernetesResource live,
      Instant now,
      Duration timeout);

  /** A reason this kind of object must not be written by Tandem (ownership, webhooks). */
  default Optional<Refusal> refusal(
      KubernetesClient client, ObjectRef ref, GenericKubernetesResource live) {
    return Optional.empty();
  }

  /**
   * The object an autoscaler would name in its {@code scaleTargetRef} to scale this role: the
   * object itself, except for a graph deployment (whose services have no /scale).
   */
  default ObjectRef autoscaledObject(ObjectRef ref) {
    return ref;
  }
}

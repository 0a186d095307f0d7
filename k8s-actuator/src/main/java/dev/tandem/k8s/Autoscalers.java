package dev.tandem.k8s;

import dev.tandem.k8s.targets.Json;
import dev.tandem.k8s.targets.Kinds;
import dev.tandem.k8s.targets.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Finds another autoscaler already scaling an object: a HorizontalPodAutoscaler ({@code
 * autoscaling/v2}) or a KEDA ScaledObject whose {@code scaleTargetRef} names it. Two controllers
 * writing one replica count fight; Tandem refuses and says which one holds the object.
 */
public final class Autoscalers {

  private Autoscalers() {}

  /** e.g. {@code HorizontalPodAutoscaler inference/llama-prefill}, or empty. */
  public static Optional<String> conflicting(KubernetesClient client, ObjectRef ref) {
    for (HorizontalPodAutoscaler hpa :
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(ref.namespace())
            .list()
            .getItems()) {
      var target = hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
      if (target != null
          && names(ref, target.getApiVersion(), target.getKind(), target.getName())) {
        return Optional.of(
            "HorizontalPodAutoscaler " + ref.namespace() + "/" + hpa.getMetadata().getName());
      }
    }
    try {
      for (GenericKubernetesResource so :
          client
              .genericKubernetesResources(Kinds.KEDA_SCALED_OBJECT)
              .inNamespace(ref.namespace())
              .list()
              .getItems()) {
        String kind = Json.string(so, "spec", "scaleTargetRef", "kind").orElse("Deployment");
        String apiVersion =
            Json.string(so, "spec", "scaleTargetRef", "apiVersion").orElse("apps/v1");
        String name = Json.string(so, "spec", "scaleTargetRef", "name").orElse("");
        if (names(ref, apiVersion, kind, name)) {
          return Optional.of(
              "KEDA ScaledObject " + ref.namespace() + "/" + so.getMetadata().getName());
        }
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      // KEDA is not installed: no ScaledObjects.
    }
    return Optional.empty();
  }

  private static boolean names(ObjectRef ref, String apiVersion, String kind, String name) {
    String group =
        apiVersion == null || !apiVersion.contains("/")
            ? ""
            : apiVersion.substring(0, apiVersion.indexOf('/'));
    return ref.kind().equals(kind) && ref.name().equals(name) && ref.group().equals(group);
  }
}

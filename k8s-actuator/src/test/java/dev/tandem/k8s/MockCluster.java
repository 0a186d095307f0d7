package dev.tandem.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in CRUD mode with the real CRDs installed. Objects are created from
 * YAML and validated against their CRD's schema first, so fixtures are real objects; {@link
 * #validate} checks what the actuator left behind. Shared through the test-jar (the end-to-end test
 * of the service uses it).
 */
public final class MockCluster implements AutoCloseable {

  final KubernetesMockServer server;
  final KubernetesClient client;
  final ScaleSubresourceDispatcher dispatcher = new ScaleSubresourceDispatcher();

  public MockCluster() {
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init();
    client = server.createClient();
    for (String crd : Crds.ALL) {
      client.apiextensions().v1().customResourceDefinitions().resource(Crds.load(crd)).create();
    }
  }

  /** Creates an object from YAML after checking it against its CRD (custom kinds only). */
  public GenericKubernetesResource create(String yaml) {
    GenericKubernetesResource object =
        Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    if (object.getApiVersion().contains(".")) {
      assertValid(object);
    }
    Object status = object.getAdditionalProperties().get("status");
    GenericKubernetesResource created = client.resource(object).create();
    if (status == null) {
      return created;
    }
    // Like the real API server, the mock ignores status on create where the CRD has a status
    // subresource: the operator's status is written through /status, as the operator would.
    created.getAdditionalProperties().put("status", status);
    return client.resource(created).updateStatus();
  }

  /** Writes an object's status as its operator would. */
  public GenericKubernetesResource setStatus(
      String apiVersion, String kind, String name, java.util.Map<String, Object> status) {
    GenericKubernetesResource object = get(apiVersion, kind, Fixtures.NS, name);
    object.getAdditionalProperties().put("status", status);
    return client.resource(object).updateStatus();
  }

  /** A PodClique's status as Grove writes it. */
  public GenericKubernetesResource podCliqueStatus(
      String name, int replicas, int ready, int updated) {
    return setStatus(
        "grove.io/v1alpha1",
        "PodClique",
        name,
        Map.of(
            "replicas", replicas,
            "readyReplicas", ready,
            "scheduledReplicas", replicas,
            "scheduleGatedReplicas", 0,
            "updatedReplicas", updated));
  }

  /** A PodCliqueScalingGroup's status as Grove writes it (it has no readyReplicas). */
  public GenericKubernetesResource scalingGroupStatus(String name, int replicas, int available) {
    return setStatus(
        "grove.io/v1alpha1",
        "PodCliqueScalingGroup",
        name,
        Map.of(
            "replicas", replicas,
            "availableReplicas", available,
            "scheduledReplicas", replicas,
            "updatedReplicas", replicas));
  }

  /**
   * Grove's part in a test with no Grove: every replica written on the clique and the scaling group
   * is scheduled and ready, as if its pods had started.
   */
  public void groveMarksWrittenReplicasReady(String podClique, String scalingGroup) {
    int p = specReplicas("PodClique", podClique);
    podCliqueStatus(podClique, p, p, p);
    int d = specReplicas("PodCliqueScalingGroup", scalingGroup);
    scalingGroupStatus(scalingGroup, d, d);
  }

  /** {@code spec.replicas} of a Grove object in {@link Fixtures#NS}. */
  public int specReplicas(String kind, String name) {
    GenericKubernetesResource o = get("grove.io/v1alpha1", kind, Fixtures.NS, name);
    return ((Number) ((java.util.Map<?, ?>) o.get("spec")).get("replicas")).intValue();
  }

  /** The object as stored now. */
  public GenericKubernetesResource get(
      String apiVersion, String kind, String namespace, String name) {
    return client
        .genericKubernetesResources(apiVersion, kind)
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  static void assertValid(GenericKubernetesResource object) {
    var map = Serialization.unmarshal(Serialization.asJson(object), java.util.Map.class);
    assertThat(SchemaValidator.validate(Crds.schema(object.getKind()), map))
        .as(object.getKind() + " " + object.getMetadata().getName() + " against its CRD")
        .isEmpty();
  }

  /** The client of the mock server. */
  public KubernetesClient client() {
    return client;
  }

  /** Every request the server received since the last call: "METHOD path". */
  List<RecordedRequest> drainRequests() {
    List<RecordedRequest> requests = new ArrayList<>();
    try {
      RecordedRequest r;
      while ((r = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
        requests.add(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return requests;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}

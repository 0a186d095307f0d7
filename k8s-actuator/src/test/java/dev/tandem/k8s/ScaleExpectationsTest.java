package dev.tandem.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.ScaleTarget;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact HTTP exchanges, in expectation mode: the {@code autoscaling/v1} Scale the actuator PUTs
 * and the Scale the API server answers, the merge patch of a graph deployment (validated against
 * the real CRD), and the 409 / 404 / 500 / timeout sequences.
 */
class ScaleExpectationsTest {

  private static final String CLIQUE_PATH =
      "/apis/grove.io/v1alpha1/namespaces/inference/podcliques/llama-0-prefill";
  private static final String GROUP_PATH =
      "/apis/grove.io/v1alpha1/namespaces/inference/podcliquescalinggroups/llama-0-decode";
  private static final ScaleTarget PREFILL =
      Fixtures.target("grove.io/v1alpha1", "PodClique", "llama-0-prefill");
  private static final ScaleTarget DECODE =
      Fixtures.target("grove.io/v1alpha1", "PodCliqueScalingGroup", "llama-0-decode");

  private KubernetesMockServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    Config base = server.createClient().getConfiguration();
    // no client-side retries and a short timeout: the actuator's own handling is under test
    Config config =
        new ConfigBuilder(base).withRequestRetryBackoffLimit(0).withRequestTimeout(700).build();
    client = server.createClient(b -> b.withConfig(config));
    server
        .expect()
        .get()
        .withPath("/apis/autoscaling/v2/namespaces/inference/horizontalpodautoscalers")
        .andReturn(
            200,
            Map.of(
                "apiVersion",
                "autoscaling/v2",
                "kind",
                "HorizontalPodAutoscalerList",
                "items",
                List.of()))
        .always();
    server
        .expect()
        .post()
        .withPath("/api/v1/namespaces/inference/events")
        .andReply(201, r -> r.getUtf8Body())
        .always();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  private static String clique(String resourceVersion, int replicas) {
    return Serialization.asJson(
        Serialization.unmarshal(
            Fixtures.podClique("llama-0-prefill", replicas, replicas, 1)
                .replace(
                    "  namespace: inference\n",
                    "  namespace: inference\n  resourceVersion: \"" + resourceVersion + "\"\n"),
            Map.class));
  }

  private static String scaleResponse(String resourceVersion, int spec, int status) {
    return """
        {"apiVersion":"autoscaling/v1","kind":"Scale",
         "metadata":{"name":"llama-0-prefill","namespace":"inference","resourceVersion":"%s"},
         "spec":{"replicas":%d},
         "status":{"replicas":%d,"selector":"grove.io/podclique=llama-0-prefill"}}
        """
        .formatted(resourceVersion, spec, status);
  }

  private List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      all.add(r);
    }
    return all;
  }

  private static List<RecordedRequest> puts(List<RecordedRequest> requests, String path) {
    return requests.stream()
        .filter(r -> r.getMethod().equals("PUT") && r.getPath().equals(path))
        .toList();
  }

  private ActuationReport apply(dev.tandem.planner.ReplicaChange... changes) {
    return new KubernetesActuator(client, ActuatorSettings.defaults())
        .applyAndReport(Plans.plan(changes));
  }

  @Test
  void putsAnAutoscalingV1ScaleWithTheReadResourceVersion() throws Exception {
    server.expect().get().withPath(CLIQUE_PATH).andReturn(200, clique("41", 2)).once();
    server
        .expect()
        .put()
        .withPath(CLIQUE_PATH + "/scale")
        .andReturn(200, scaleResponse("42", 4, 2))
        .once();

    ActuationReport report = apply(Plans.change(Role.PREFILL, PREFILL, 2, 4));

    assertThat(report.results()).extracting(WriteResult::outcome).containsExactly(Outcome.WRITTEN);
    List<RecordedRequest> all = requests();
    RecordedRequest put = puts(all, CLIQUE_PATH + "/scale").get(0);
    Map<?, ?> body = Serialization.unmarshal(put.getUtf8Body(), Map.class);
    assertThat(body)
        .isEqualTo(
            Map.of(
                "apiVersion",
                "autoscaling/v1",
                "kind",
                "Scale",
                "metadata",
                Map.of(
                    "name", "llama-0-prefill",
                    "namespace", "inference",
                    "resourceVersion", "41"),
                "spec",
                Map.of("replicas", 4)));
    assertThat(all)
        .extracting(r -> r.getMethod() + " " + r.getPath())
        .containsSubsequence(
            "GET " + CLIQUE_PATH,
            "PUT " + CLIQUE_PATH + "/scale",
            "POST /api/v1/namespaces/inference/events");
  }

  @Test
  void aConflictIsReReadAndRetriedWithTheNewResourceVersion() throws Exception {
    server.expect().get().withPath(CLIQUE_PATH).andReturn(200, clique("41", 2)).once();
    server.expect().get().withPath(CLIQUE_PATH).andReturn(200, clique("43", 2)).once();
    server
        .expect()
        .put()
        .withPath(CLIQUE_PATH + "/scale")
        .andReturn(409, status(409, "Conflict"))
        .once();
    server
        .expect()
        .put()
        .withPath(CLIQUE_PATH + "/scale")
        .andReturn(200, scaleResponse("44", 3, 2))
        .once();

    ActuationReport report = apply(Plans.change(Role.PREFILL, PREFILL, 2, 3));

    assertThat(report.results()).extracting(WriteResult::outcome).containsExactly(Outcome.WRITTEN);
    List<Object> versions = new ArrayList<>();
    for (RecordedRequest put : puts(requests(), CLIQUE_PATH + "/scale")) {
      Map<?, ?> body = Serialization.unmarshal(put.getUtf8Body(), Map.class);
      versions.add(((Map<?, ?>) body.get("metadata")).get("resourceVersion"));
    }
    assertThat(versions).containsExactly("41", "43");
  }

  @Test
  void aConflictThatPersistsSkipsTheChangeAfterTheRetries() throws Exception {
    server.expect().get().withPath(CLIQUE_PATH).andReturn(200, clique("41", 2)).always();
    server
        .expect()
        .put()
        .withPath(CLIQUE_PATH + "/scale")
        .andReturn(409, status(409, "Conflict"))
        .always();

    ActuationReport report = apply(Plans.change(Role.PREFILL, PREFILL, 2, 3));

    assertThat(report.results()).extracting(WriteResult::outcome).containsExactly(Outcome.CONFLICT);
    assertThat(puts(requests(), CLIQUE_PATH + "/scale")).hasSize(3);
  }

  @Test
  void notFoundOnTheWriteReportsTheTargetGone() {
    server.expect().get().withPath(CLIQUE_PATH).andReturn(200, clique("41", 2)).once();
    server
        .expect()
        .put()
        .withPath(CLIQUE_PATH + "/scale")
        .andReturn(404, status(404, "NotFound"))
        .once();

    ActuationReport report = apply(Plans.change(Role.PREFILL, PREFILL, 2, 3));

    assertThat(report.results()).extracting(WriteResult::outcome).containsExactly(Outcome.GONE);
  }

  @Test
  void aServerErrorOnADecreaseIsCountedAndHoldsTheIncreasesBehindIt() throws Exception {
    server.expect().get().withPath(CLIQUE_PATH).andReturn(200, clique("41", 3)).once();
    server
        .expect()
        .put()
        .withPath(CLIQUE_PATH + "/scale")
        .andReturn(500, status(500, "InternalError"))
        .once();
    KubernetesActuator actuator = new KubernetesActuator(client, ActuatorSettings.defaults());

    ActuationReport report =
        actuator.applyAndReport(
            Plans.plan(
                Plans.change(Role.PREFILL, PREFILL, 3, 2),
                Plans.change(Role.DECODE, DECODE, 1, 2)));

    assertThat(report.results())
        .extracting(WriteResult::outcome)
        .containsExactly(Outcome.ERROR, Outcome.HELD_AFTER_DECREASE);
    assertThat(report.results().get(0).message()).startsWith("HTTP 500");
    assertThat(actuator.counters().count(Outcome.ERROR)).isEqualTo(1);
    assertThat(requests()).noneMatch(r -> r.getPath().startsWith(GROUP_PATH));
  }

  @Test
  void aTimeoutIsAnErrorAndTheNextDeploymentStillRuns() {
    server.expect().get().withPath(CLIQUE_PATH).andReturn(200, clique("41", 2)).once();
    server
        .expect()
        .put()
        .delay(3, TimeUnit.SECONDS)
        .withPath(CLIQUE_PATH + "/scale")
        .andReturn(200, scaleResponse("42", 3, 2))
        .once();
    server
        .expect()
        .get()
        .withPath(GROUP_PATH)
        .andReturn(
            200,
            Serialization.unmarshal(Fixtures.scalingGroup("llama-0-decode", 1, 1, 1), Map.class))
        .once();
    server.expect().put().withPath(GROUP_PATH + "/scale").andReturn(200, "{}").once();
    KubernetesActuator actuator = new KubernetesActuator(client, ActuatorSettings.defaults());

    ActuationReport first =
        actuator.applyAndReport(Plans.plan(Plans.change(Role.PREFILL, PREFILL, 2, 3)));
    ActuationReport second =
        actuator.applyAndReport(Plans.plan(Plans.change(Role.DECODE, DECODE, 1, 2)));

    assertThat(first.results()).extracting(WriteResult::outcome).containsExactly(Outcome.ERROR);
    assertThat(second.results()).extracting(WriteResult::outcome).containsExactly(Outcome.WRITTEN);
  }

  @Test
  void theGraphDeploymentMergePatchIsValidAgainstTheRealCrd() throws Exception {
    String path = "/apis/nvidia.com/v1alpha1/namespaces/inference/dynamographdeployments/llama";
    Map<?, ?> graph =
        Serialization.unmarshal(
            Fixtures.graphDeployment("llama", "VllmDecodeWorker", 2, false)
                .replace("namespace: inference}", "namespace: inference, resourceVersion: \"7\"}"),
            Map.class);
    server.expect().get().withPath(path).andReturn(200, graph).once();
    server.expect().patch().withPath(path).andReturn(200, graph).once();
    ScaleTarget target =
        new ScaleTarget(
            "nvidia.com/v1alpha1",
            "DynamoGraphDeployment",
            "llama",
            Fixtures.NS,
            Optional.of("VllmDecodeWorker"));

    ActuationReport report = apply(Plans.change(Role.DECODE, target, 2, 3));

    assertThat(report.results()).extracting(WriteResult::outcome).containsExactly(Outcome.WRITTEN);
    RecordedRequest patch =
        requests().stream().filter(r -> r.getMethod().equals("PATCH")).findFirst().orElseThrow();
    assertThat(patch.getHeader("Content-Type")).startsWith("application/merge-patch+json");
    Map<?, ?> body = Serialization.unmarshal(patch.getUtf8Body(), Map.class);
    assertThat(body)
        .isEqualTo(
            Map.of(
                "metadata", Map.of("resourceVersion", "7"),
                "spec", Map.of("services", Map.of("VllmDecodeWorker", Map.of("replicas", 3)))));
    assertThat(SchemaValidator.validatePatch(Crds.schema("DynamoGraphDeployment"), body)).isEmpty();
  }

  private static Map<String, Object> status(int code, String reason) {
    return Map.of(
        "apiVersion",
        "v1",
        "kind",
        "Status",
        "status",
        "Failure",
        "reason",
        reason,
        "code",
        code,
        "message",
        reason);
  }
}

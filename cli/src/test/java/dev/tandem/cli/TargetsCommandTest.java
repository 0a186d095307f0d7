package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem targets check} against fabric8's mock API server (expectation mode): one writable
 * Deployment, one that an HPA already scales and Tandem may not write.
 */
class TargetsCommandTest {

  @TempDir Path dir;
  private KubernetesMockServer server;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
  }

  @AfterEach
  void stop() {
    server.destroy();
  }

  @Test
  void printsEachTargetWithItsReplicasConflictsAndAccessAndFailsOnProblems() throws Exception {
    deployment("llama-prefill", 2, 2);
    deployment("llama-decode", 3, 1);
    server
        .expect()
        .get()
        .withPath("/apis/autoscaling/v2/namespaces/inference/horizontalpodautoscalers")
        .andReturn(
            200,
            Map.of(
                "apiVersion", "autoscaling/v2",
                "kind", "HorizontalPodAutoscalerList",
                "items",
                    List.of(
                        Map.of(
                            "metadata", Map.of("name", "decode-hpa", "namespace", "inference"),
                            "spec",
                                Map.of(
                                    "maxReplicas",
                                    8,
                                    "scaleTargetRef",
                                    Map.of(
                                        "apiVersion", "apps/v1",
                                        "kind", "Deployment",
                                        "name", "llama-decode"))))))
        .always();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        .andReply(
            201,
            r -> {
              String body = r.getUtf8Body(); // the body can be read once
              boolean prefill = body.contains("llama-prefill");
              @SuppressWarnings("unchecked")
              Map<String, Object> review =
                  io.fabric8.kubernetes.client.utils.Serialization.unmarshal(body, Map.class);
              review.put(
                  "status",
                  Map.of("allowed", prefill, "reason", prefill ? "RBAC: allowed" : "no rule"));
              return review;
            })
        .always();
    Path policy = policy();
    Path kubeconfig = kubeconfig();

    CliRun run =
        CliRun.run(
            "targets",
            "check",
            "--policy",
            policy.toString(),
            "--kubeconfig",
            kubeconfig.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("policy inference/llama (ADVISORY)")
        .contains("ok      prefill: Deployment inference/llama-prefill")
        .contains("  replicas: 2 desired, 2 ready, 2 updated, 2 observed")
        .contains("  may write: yes (update deployments/scale: RBAC: allowed)")
        .contains("problem decode: Deployment inference/llama-decode")
        .contains("  autoscaler conflict: HorizontalPodAutoscaler inference/decode-hpa")
        .contains("  may write: no (update deployments/scale: no rule)")
        .endsWith("2 objects checked, 1 problem\n");
  }

  @Test
  void aMissingKubeconfigIsAUsageError() throws Exception {
    CliRun run =
        CliRun.run(
            "targets", "check", "--policy", policy().toString(), "--kubeconfig", "/nonexistent");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--kubeconfig: /nonexistent is not a file");
  }

  private void deployment(String name, int replicas, int ready) {
    String path = "/apis/apps/v1/namespaces/inference/deployments/" + name;
    server
        .expect()
        .get()
        .withPath(path)
        .andReturn(
            200,
            Map.of(
                "apiVersion", "apps/v1",
                "kind", "Deployment",
                "metadata", Map.of("name", name, "namespace", "inference", "resourceVersion", "5"),
                "spec", Map.of("replicas", replicas),
                "status",
                    Map.of(
                        "replicas", replicas,
                        "readyReplicas", ready,
                        "updatedReplicas", replicas)))
        .always();
    server
        .expect()
        .get()
        .withPath(path + "/scale")
        .andReturn(
            200,
            Map.of(
                "apiVersion", "autoscaling/v1",
                "kind", "Scale",
                "metadata", Map.of("name", name, "namespace", "inference"),
                "spec", Map.of("replicas", replicas),
                "status", Map.of("replicas", replicas, "selector", "app=" + name)))
        .always();
  }

  private Path policy() throws Exception {
    Path profile = CliRun.root().resolve("examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml");
    Path file = dir.resolve("llama.yaml");
    Files.writeString(
        file,
        """
        apiVersion: tandem.dev/v1alpha1
        kind: SlaPolicy
        metadata: {name: llama, namespace: inference}
        spec:
          sla:
            ttft: {percentile: 90, target: 200ms}
            itl: {percentile: 90, target: 10ms}
          roles:
            prefill: {target: {kind: Deployment, name: llama-prefill}, maxReplicas: 8, profile: %s}
            decode: {target: {kind: Deployment, name: llama-decode}, maxReplicas: 8, profile: %s}
          budget: {maxGpus: 16}
        """
            .formatted(profile, profile));
    return file;
  }

  private Path kubeconfig() throws Exception {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
        users: [{name: tandem, user: {token: test}}]
        contexts: [{name: mock, context: {cluster: mock, user: tandem, namespace: inference}}]
        current-context: mock
        """
            .formatted(server.url("/")));
    return file;
  }
}

package dev.tandem.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.policy.SlaPolicyLoader;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor on the CRUD mock: replicas, owners, conflicts and the access review per object. */
class TargetDoctorTest {

  @TempDir Path dir;

  @Test
  void reportsEveryObjectOfEveryRoleWithItsConflictAndWhetherTandemMayWriteIt() throws Exception {
    Path root = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
    Path profile = root.resolve("examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml");
    Files.writeString(
        dir.resolve("p.yaml"),
        """
        apiVersion: tandem.dev/v1alpha1
        kind: SlaPolicy
        metadata: {name: llama, namespace: inference}
        spec:
          sla:
            ttft: {percentile: 90, target: 200ms}
            itl: {percentile: 90, target: 10ms}
          roles:
            prefill:
              target: {kind: PodCliqueSet, name: llama, clique: prefill}
              maxReplicas: 8
              profile: %s
            decode:
              target: {kind: PodCliqueSet, name: llama, scalingGroup: decode}
              maxReplicas: 8
              profile: %s
          budget: {maxGpus: 16}
        """
            .formatted(profile, profile));
    SlaPolicy policy =
        new SlaPolicyLoader(List.of("PerformanceProfile", "GpuPool"))
            .load(dir.resolve("p.yaml"))
            .policies()
            .get(0);
    try (MockCluster cluster = new MockCluster()) {
      cluster.create(Fixtures.podCliqueSet("llama", 2));
      cluster.create(Fixtures.podClique("llama-0-prefill", 2, 2, 1));
      cluster.create(Fixtures.podClique("llama-1-prefill", 2, 1, 1));
      cluster.create(Fixtures.scalingGroup("llama-0-decode", 1, 1, 1));
      cluster
          .client
          .autoscaling()
          .v2()
          .horizontalPodAutoscalers()
          .inNamespace(Fixtures.NS)
          .resource(
              new HorizontalPodAutoscalerBuilder()
                  .withNewMetadata()
                  .withName("grove-hpa")
                  .endMetadata()
                  .withNewSpec()
                  .withNewScaleTargetRef("grove.io/v1alpha1", "PodClique", "llama-1-prefill")
                  .withMaxReplicas(4)
                  .endSpec()
                  .build())
          .create();
      cluster.dispatcher.denied.add("llama-0-decode");
      cluster.drainRequests();

      List<TargetDoctor.Finding> findings = new TargetDoctor(cluster.client).check(policy);
      String text = TargetDoctor.render(findings);
      var requests = cluster.drainRequests();

      assertThat(findings)
          .extracting(f -> f.role() + " " + f.object() + " " + f.ok())
          .containsExactly(
              "prefill PodClique inference/llama-0-prefill true",
              "prefill PodClique inference/llama-1-prefill false",
              "decode PodCliqueScalingGroup inference/llama-0-decode false",
              "decode PodCliqueScalingGroup inference/llama-1-decode false");
      assertThat(findings.get(0).mayWrite())
          .isEqualTo("yes (update podcliques/scale: RBAC: allowed by ClusterRole/tandem)");
      assertThat(findings.get(1).conflict())
          .contains("HorizontalPodAutoscaler inference/grove-hpa");
      assertThat(findings.get(2).mayWrite()).startsWith("no (update podcliquescalinggroups/scale");
      assertThat(findings.get(3).problem()).contains("not found");
      assertThat(text)
          .contains("  replicas: 2 desired, 1 ready, 2 updated, 2 observed, minAvailable 1")
          .endsWith("4 objects checked, 3 problems\n");
      assertThat(requests)
          .as("the doctor's calls are in the RBAC list")
          .allMatch(RbacRulesTest::allowed)
          .anyMatch(r -> r.getPath().endsWith("/selfsubjectaccessreviews"));
    }
  }
}

package dev.tandem.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.ScaleTarget;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The RBAC list is the code's own: every request the actuator and the reader send while reading and
 * writing every kind is allowed by one of {@link RbacRules#rules()}, and the rendered YAML parses
 * as ClusterRole rules.
 */
class RbacRulesTest {

  private static final Pattern PATH =
      Pattern.compile(
          "^/(?:api/(?<coreVersion>v1)|apis/(?<group>[^/]+)/(?<version>[^/]+))"
              + "(?:/namespaces/(?<ns>[^/]+))?/(?<resource>[^/?]+)(?:/(?<name>[^/?]+))?"
              + "(?:/(?<sub>[^/?]+))?(?:\\?(?<query>.*))?$");

  @Test
  void everyRequestOfReadingAndWritingEveryKindIsCoveredByARule() {
    try (MockCluster cluster = new MockCluster()) {
      cluster.create(Fixtures.podCliqueSet("llama", 1));
      cluster.create(Fixtures.podClique("llama-0-prefill", 1, 1, 1));
      cluster.create(Fixtures.scalingGroup("llama-0-decode", 1, 1, 1));
      cluster.create(Fixtures.leaderWorkerSet("lws", 1, 1));
      cluster.create(Fixtures.disaggregatedSet("ds", 1));
      cluster.create(Fixtures.roleScaler("ds", "prefill", 1));
      cluster.create(Fixtures.graphDeployment("g", "VllmDecodeWorker", 1, false));
      cluster.create(Fixtures.graphDeployment("h", "VllmDecodeWorker", 1, true));
      cluster.create(Fixtures.scalingAdapter("h", "VllmDecodeWorker", 1));
      cluster.create(Fixtures.deployment("Deployment", "router", 1, 1));
      cluster.drainRequests();
      List<ScaleTarget> targets =
          List.of(
              new ScaleTarget(
                  "grove.io/v1alpha1",
                  "PodCliqueSet",
                  "llama",
                  Fixtures.NS,
                  Optional.empty(),
                  Optional.of("prefill"),
                  Optional.empty()),
              new ScaleTarget(
                  "grove.io/v1alpha1",
                  "PodCliqueSet",
                  "llama",
                  Fixtures.NS,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of("decode")),
              Fixtures.target("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", "lws"),
              Fixtures.target(
                  "disaggregatedset.x-k8s.io/v1", "DisaggregatedSetRoleScaler", "ds-prefill"),
              new ScaleTarget(
                  "nvidia.com/v1alpha1",
                  "DynamoGraphDeployment",
                  "g",
                  Fixtures.NS,
                  Optional.of("VllmDecodeWorker")),
              Fixtures.target(
                  "nvidia.com/v1alpha1",
                  "DynamoGraphDeploymentScalingAdapter",
                  "h-vllmdecodeworker"),
              Fixtures.target("apps/v1", "Deployment", "router"));
      KubernetesReplicaStateReader reader =
          new KubernetesReplicaStateReader(cluster.client, ActuatorSettings.defaults());
      KubernetesActuator actuator =
          new KubernetesActuator(cluster.client, ActuatorSettings.defaults());
      for (ScaleTarget t : targets) {
        reader.read(t, Plans.AT);
        actuator.applyAndReport(Plans.plan(Plans.change(Role.PREFILL, t, 1, 2)));
        // now one replica is starting: the reader also looks for unschedulable pods and gangs
        assertThat(reader.read(t, Plans.AT).starting()).as(t.toString()).isPositive();
      }

      List<RecordedRequest> requests = cluster.drainRequests();

      assertThat(requests).hasSizeGreaterThan(30);
      for (RecordedRequest r : requests) {
        assertThat(allowed(r)).as(r.getMethod() + " " + r.getPath()).isTrue();
      }
      assertThat(requests)
          .extracting(RecordedRequest::getMethod)
          .contains("GET", "PUT", "PATCH", "POST");
      assertThat(requests)
          .extracting(RecordedRequest::getPath)
          .anyMatch(p -> p.startsWith("/api/v1/namespaces/inference/pods"))
          .anyMatch(
              p -> p.startsWith("/apis/scheduler.grove.io/v1alpha1/namespaces/inference/podgangs"));
    }
  }

  @Test
  void leaderElectionNeedsOnlyItsLeaseRules() throws Exception {
    try (MockCluster cluster = new MockCluster()) {
      cluster.drainRequests();
      java.util.concurrent.ExecutorService executor =
          java.util.concurrent.Executors.newSingleThreadExecutor();
      LeaderElection election =
          new LeaderElection(
              cluster.client,
              new LeaderElection.Settings(
                  "tandem-system",
                  "tandem-leader",
                  "tandem-a",
                  java.time.Duration.ofSeconds(2),
                  java.time.Duration.ofMillis(1500),
                  java.time.Duration.ofMillis(100)),
              executor);
      election.start();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!election.isLeader() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(300); // a few renewals
      election.close();
      executor.shutdownNow();

      List<RecordedRequest> requests = cluster.drainRequests();

      assertThat(requests).extracting(RecordedRequest::getMethod).contains("POST", "PATCH");
      for (RecordedRequest r : requests) {
        assertThat(allowed(r)).as(r.getMethod() + " " + r.getPath()).isTrue();
      }
    }
  }

  @Test
  void theRenderedRulesParseAndNameEveryResourceOnce() {
    Map<?, ?> role = Serialization.unmarshal(RbacRules.yaml(), Map.class);
    List<?> rules = (List<?>) role.get("rules");

    assertThat(rules).hasSize(RbacRules.rules().size());
    assertThat(RbacRules.rules())
        .extracting(r -> r.apiGroup() + "/" + r.resource())
        .doesNotHaveDuplicates()
        .contains(
            "grove.io/podcliques/scale",
            "nvidia.com/dynamographdeploymentscalingadapters/scale",
            "coordination.k8s.io/leases",
            "/events");
    assertThat(RbacRules.allows("grove.io", "podcliques", "update"))
        .as("the main resource is read-only; writes go through /scale")
        .isFalse();
  }

  @Test
  void theCommittedRbacDocsAreTheCodesOwnList() throws Exception {
    java.nio.file.Path docs =
        java.nio.file.Path.of(System.getProperty("tandem.root", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("docs/rbac");

    assertThat(java.nio.file.Files.readString(docs.resolve("rbac-rules.yaml")))
        .as("regenerate with: java -cp k8s-actuator/target/classes dev.tandem.k8s.RbacRules")
        .isEqualTo(RbacRules.yaml());
    assertThat(java.nio.file.Files.readString(docs.resolve("rbac-rules.md")))
        .isEqualTo(RbacRules.markdown());
  }

  static boolean allowed(RecordedRequest r) {
    Matcher m = PATH.matcher(r.getPath());
    if (!m.matches()) {
      return false; // discovery or anything unexpected must be listed explicitly
    }
    String group = m.group("coreVersion") != null ? "" : m.group("group");
    String resource = m.group("resource");
    if (m.group("sub") != null) {
      resource += "/" + m.group("sub");
    }
    String query = m.group("query") == null ? "" : m.group("query");
    String verb =
        switch (r.getMethod()) {
          case "GET" ->
              query.contains("watch=true") ? "watch" : m.group("name") == null ? "list" : "get";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> "delete";
          default -> r.getMethod();
        };
    return RbacRules.allows(group, resource, verb);
  }
}

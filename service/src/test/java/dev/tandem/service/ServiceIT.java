package dev.tandem.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.service.loop.LoopRunner;
import dev.tandem.service.policy.PolicyCatalog;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service over HTTP in one shared Spring context: the dry-run on good and bad input, the
 * deployment endpoints, pause/resume guarded by TokenReview and SubjectAccessReview on fabric8's
 * mock API server (expectation mode), the metrics endpoint, and hot reload through a
 * ConfigMap-style symlink swap. The cluster is a {@link FakeCluster}; the clock is stepped by hand
 * and the loop ticked with {@link LoopRunner#tickNow()}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tandem.tick-period=1h",
      "tandem.policy-poll=1h",
      "tandem.api.max-body-bytes=4096",
      "tandem.auth.mode=kubernetes",
      "logging.level.root=WARN"
    })
@ContextConfiguration(initializers = ServiceIT.Cluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceIT {

  static final FakeCluster CLUSTER = new FakeCluster();
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  static final KubernetesMockServer API = new KubernetesMockServer(false);
  static final AtomicInteger SAR_CALLS = new AtomicInteger();
  static final ConfigMapDirectory POLICIES;
  static final Path CHECKPOINT;

  static {
    try {
      Path dir = Files.createTempDirectory("tandem-service-it");
      POLICIES = new ConfigMapDirectory(dir.resolve("policies"));
      CHECKPOINT = dir.resolve("state/checkpoint.txt");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    POLICIES.publish(
        Map.of(
            "llama-8b.yaml", ConfigMapDirectory.fixture("llama-8b.yaml"),
            "other.yaml", ConfigMapDirectory.fixture("other.yaml"),
            "h200-llama-3.1-8b-fp8-tp1.yaml",
                ConfigMapDirectory.fixture("h200-llama-3.1-8b-fp8-tp1.yaml")));
    API.init();
    API.expect()
        .post()
        .withPath("/apis/authentication.k8s.io/v1/tokenreviews")
        .andReply(
            201,
            request -> {
              String body = request.getUtf8Body();
              String user =
                  body.contains("alice-token") ? "alice" : body.contains("bob-token") ? "bob" : "";
              return new TokenReviewBuilder()
                  .withNewStatus()
                  .withAuthenticated(!user.isEmpty())
                  .withNewUser()
                  .withUsername(user.isEmpty() ? null : user)
                  .withGroups(List.of("system:authenticated"))
                  .endUser()
                  .endStatus()
                  .build();
            })
        .always();
    API.expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
        .andReply(
            201,
            request -> {
              SAR_CALLS.incrementAndGet();
              String body = request.getUtf8Body();
              boolean allowed =
                  body.contains("\"user\":\"alice\"")
                      && body.contains("\"verb\":\"update\"")
                      && body.contains("\"subresource\":\"scale\"")
                      && body.contains("\"resource\":\"podcliques\"")
                      && body.contains("\"group\":\"grove.io\"");
              return new SubjectAccessReviewBuilder()
                  .withNewStatus()
                  .withAllowed(allowed)
                  .withReason(allowed ? "bound" : "no RBAC rule allows it")
                  .endStatus()
                  .build();
            })
        .always();
  }

  /** Registers the fake cluster, the clock and the mock API server's client before refresh. */
  static final class Cluster
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      var beans = context.getBeanFactory();
      beans.registerSingleton("clusterPorts", CLUSTER.ports());
      beans.registerSingleton("clock", CLOCK);
      beans.registerSingleton("kubernetesClient", API.createClient());
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("tandem.policies", () -> POLICIES.root().toString());
    r.add("tandem.checkpoint.file", () -> CHECKPOINT.toString());
  }

  @AfterAll
  static void stopApi() {
    API.destroy();
  }

  @LocalServerPort int port;
  @Autowired LoopRunner loop;
  @Autowired PolicyCatalog catalog;
  @Autowired KubernetesClient kubernetes;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void recommendationByNameGivesNextStepAndSlaSizeWithReasons() throws Exception {
    // 60 req/s, OSL 300: one decode engine carries 14.3 req/s at ITL p90 <= 10 ms, so the SLA
    // needs ceil(60 / 14.3) = 5 decode engines; from 1 the step limit (+2) allows 3.
    int written = CLUSTER.applied().size(); // the loop's first tick at start may have written
    HttpResponse<String> r =
        post(
            "/v1/recommendations",
            "{\"policy\":{\"name\":\"llama-8b\"},\"load\":{\"rate\":60,\"isl\":3000,\"osl\":300}}",
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .contains("\"deployment\":\"inference/llama-8b\"")
        .contains("\"dryRun\":true")
        .contains("\"nextStep\":{\"replicas\":3,\"reason\":\"SCALE_UP_LIMITED\"")
        .contains("\"slaSized\":{\"replicas\":5,\"reason\":\"SLA_SIZED\"")
        .contains("SLA_SIZED")
        .contains("\"signal\":\"ttft\"")
        .contains("\"signal\":\"itl\"");
    assertThat(CLUSTER.applied()).as("a dry-run never writes").hasSize(written);
  }

  @Test
  @Order(2)
  void inlinePolicyAndSeriesAreAccepted() throws Exception {
    String yaml =
        ConfigMapDirectory.fixture("llama-8b.yaml")
            .replace("profile: h200", "profile: " + POLICIES.root() + "/h200");
    String body =
        "{\"policyYaml\":"
            + json(yaml)
            + ",\"load\":{\"series\":[{\"rate\":5,\"isl\":2000,\"osl\":200},"
            + "{\"rate\":15,\"isl\":3000,\"osl\":300}]},\"current\":{\"prefill\":2,\"decode\":2}}";
    HttpResponse<String> r = post("/v1/recommendations", body, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"rate\":15.0").contains("series of 2 points");
  }

  @Test
  @Order(3)
  void badInputIsAProblemNamingTheField() throws Exception {
    HttpResponse<String> malformed = post("/v1/recommendations", "{\"policy\": {", null);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(malformed.body()).contains("\"status\":400");

    HttpResponse<String> unknown =
        post(
            "/v1/recommendations",
            "{\"policy\":{\"name\":\"llama-8b\"},\"load\":{\"rate\":1,\"isl\":1,\"osl\":1,\"islcv\":0}}",
            null);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("\"field\":\"load.islcv\"").contains("unknown field");

    HttpResponse<String> range =
        post(
            "/v1/recommendations",
            "{\"policy\":{\"name\":\"llama-8b\"},\"load\":{\"rate\":-3,\"isl\":1,\"osl\":1}}",
            null);
    assertThat(range.statusCode()).isEqualTo(400);
    assertThat(range.body()).contains("\"field\":\"load.rate\"").contains("out of range");

    String badSla =
        ConfigMapDirectory.fixture("llama-8b.yaml")
            .replace("percentile: 90, target: 200ms", "percentile: 150, target: 200ms");
    HttpResponse<String> sla =
        post(
            "/v1/recommendations",
            "{\"policyYaml\":" + json(badSla) + ",\"load\":{\"rate\":1,\"isl\":100,\"osl\":10}}",
            null);
    assertThat(sla.statusCode()).as(sla.body()).isEqualTo(422);
    assertThat(sla.body())
        .contains("\"field\":\"spec.sla.ttft.percentile\"")
        .contains("\"location\":\"policyYaml:9:");

    String outside =
        Path.of(
                ConfigMapDirectory.class
                    .getResource("/fixtures/h200-llama-3.1-8b-fp8-tp1.yaml")
                    .toURI())
            .toString();
    String escaping =
        ConfigMapDirectory.fixture("llama-8b.yaml")
            .replace("profile: h200-llama-3.1-8b-fp8-tp1.yaml", "profile: " + outside);
    HttpResponse<String> confined =
        post(
            "/v1/recommendations",
            "{\"policyYaml\":" + json(escaping) + ",\"load\":{\"rate\":1,\"isl\":100,\"osl\":10}}",
            null);
    assertThat(confined.statusCode()).as(confined.body()).isEqualTo(422);
    assertThat(confined.body())
        .contains("\"field\":\"spec.roles.prefill.profile\"")
        .contains("inside the policy directory");

    HttpResponse<String> missing =
        post(
            "/v1/recommendations",
            "{\"policy\":{\"name\":\"nope\"},\"load\":{\"rate\":1,\"isl\":1,\"osl\":1}}",
            null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"field\":\"policy.name\"").contains("inference/llama-8b");

    HttpResponse<String> big =
        post("/v1/recommendations", "{\"policyYaml\":\"" + "x".repeat(5000) + "\"}", null);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("4096");
  }

  @Test
  @Order(4)
  void theLoopActsAndTheDeploymentShowsItsDecisions() throws Exception {
    CLUSTER.rate(40);
    loop.tickNow();
    assertThat(CLUSTER.applied()).as("active policy writes").isNotEmpty();
    assertThat(CLUSTER.applied())
        .allMatch(p -> p.deployment().equals(new DeploymentKey("inference", "llama-8b")));
    HttpResponse<String> r = get("/v1/deployments/inference/llama-8b");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .contains("\"mode\":\"active\"")
        .contains("\"recentDecisions\":[{")
        .contains("\"type\":\"MetricsHealthy\",\"status\":\"True\"")
        // seen for the first time: the forecast was warmed from the fake cluster's past readings
        .contains("\"type\":\"ForecastWarmed\",\"status\":\"True\",\"reason\":\"Backfilled\"")
        .contains("past readings, 30s apart")
        .contains("\"forecast\":{\"prefill\":");
    assertThat(get("/v1/deployments").body()).contains("llama-8b").contains("other");

    HttpResponse<String> metrics = get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "tandem_desired_replicas{deployment=\"llama-8b\",namespace=\"inference\",role=\"prefill\"}")
        .contains("tandem_tick_duration_seconds_count")
        .contains("tandem_decisions_total{")
        .contains("tandem_forecast_rate_requests_per_second{");
    assertThat(get("/actuator/health/readiness").body()).contains("UP");
    assertThat(get("/v1/openapi").body()).contains("/v1/recommendations");
  }

  @Test
  @Order(5)
  void pauseNeedsATokenAndTheRightToUpdateTheScaleSubresource() throws Exception {
    String path = "/v1/deployments/inference/llama-8b/pause";
    assertThat(post(path, "", null).statusCode()).isEqualTo(401);
    HttpResponse<String> stranger = post(path, "", "stolen-token");
    assertThat(stranger.statusCode()).isEqualTo(401);
    assertThat(stranger.body()).contains("not authenticated");
    int before = SAR_CALLS.get();
    HttpResponse<String> bob = post(path, "", "bob-token");
    assertThat(bob.statusCode()).isEqualTo(403);
    assertThat(bob.body()).contains("bob may not update podcliques.grove.io/scale inference/");
    assertThat(SAR_CALLS.get()).isGreaterThan(before);

    HttpResponse<String> alice = post(path, "", "alice-token");
    assertThat(alice.statusCode()).as(alice.body()).isEqualTo(200);
    assertThat(alice.body()).contains("\"paused\":true");
    int written = CLUSTER.applied().size();
    CLUSTER.rate(80);
    CLOCK.advance(Duration.ofMinutes(2));
    loop.tickNow();
    assertThat(CLUSTER.applied()).as("paused: planned, not written").hasSize(written);
    assertThat(get("/v1/deployments/inference/llama-8b").body())
        .contains("\"paused\":true")
        .contains("\"reason\":\"Paused\"");

    assertThat(post("/v1/deployments/inference/llama-8b/resume", "", "alice-token").statusCode())
        .isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(2));
    loop.tickNow();
    assertThat(CLUSTER.applied().size()).as("resumed: written again").isGreaterThan(written);
    assertThat(post("/v1/deployments/inference/nope/pause", "", "alice-token").statusCode())
        .isEqualTo(404);
  }

  @Test
  @Order(6)
  void aValidChangeAppliesAtTheNextTickAndAnInvalidOneKeepsTheLastGoodVersion() throws Exception {
    DeploymentKey llama = new DeploymentKey("inference", "llama-8b");
    String profile = ConfigMapDirectory.fixture("h200-llama-3.1-8b-fp8-tp1.yaml");
    String other = ConfigMapDirectory.fixture("other.yaml");
    String smaller =
        ConfigMapDirectory.fixture("llama-8b.yaml").replace("maxReplicas: 12", "maxReplicas: 10");
    POLICIES.publish(
        Map.of(
            "llama-8b.yaml", smaller,
            "other.yaml", other,
            "h200-llama-3.1-8b-fp8-tp1.yaml", profile));
    loop.tickNow();
    assertThat(catalog.current().find(llama).orElseThrow().policy().roles().decode().maxReplicas())
        .isEqualTo(10);
    assertThat(catalog.current().rejected()).isEmpty();

    String broken =
        smaller.replace("percentile: 90, target: 10ms", "percentile: 150, target: 10ms");
    POLICIES.publish(
        Map.of(
            "llama-8b.yaml", broken,
            "other.yaml", other.replace("maxGpus: 16", "maxGpus: 14"),
            "h200-llama-3.1-8b-fp8-tp1.yaml", profile));
    loop.tickNow();
    var c = catalog.current();
    assertThat(c.find(llama).orElseThrow().policy().roles().decode().maxReplicas())
        .as("last good version keeps running")
        .isEqualTo(10);
    assertThat(
            c.find(new DeploymentKey("inference", "other"))
                .orElseThrow()
                .policy()
                .budget()
                .maxGpus())
        .as("one bad file never stops another's change")
        .isEqualTo(14);
    HttpResponse<String> policies = get("/v1/policies");
    assertThat(policies.body()).contains("llama-8b.yaml:10:").contains("spec.sla.itl.percentile");
    assertThat(get("/v1/deployments/inference/llama-8b").body())
        .contains("\"type\":\"PolicyValid\",\"status\":\"False\"");
    assertThat(loop.histories().get(llama).of(Role.PREFILL).lastDecision()).isPresent();
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}

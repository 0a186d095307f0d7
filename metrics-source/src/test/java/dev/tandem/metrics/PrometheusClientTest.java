package dev.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.MetricSignal;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.metrics.ScriptedPrometheus.Reply;
import dev.tandem.metrics.VllmScript.Target;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.Health;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side: failures, retries, timeouts, deadline, authentication, path prefixes. */
class PrometheusClientTest {

  static final Instant NOW = Instant.ofEpochSecond(1_700_000_005);
  static final String ONE = ScriptedPrometheus.vector(List.of(java.util.Map.of()), List.of("1"));

  @TempDir Path dir;
  ScriptedPrometheus server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private PrometheusSettings.Builder settings(String prefix) {
    return PrometheusSettings.builder(server.uri(prefix))
        .timeout(Duration.ofMillis(300))
        .backoff(Duration.ofMillis(20));
  }

  private static long deadline(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  @Test
  void http500IsRetriedWithBackoffThenMissingNeverZero() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server =
        new ScriptedPrometheus(
            q -> {
              calls.incrementAndGet();
              return new Reply(500, "internal error", 0);
            });
    QueryResult r =
        new PrometheusClient(settings("").retries(2).build())
            .query("up", NOW, deadline(Duration.ofSeconds(5)));
    assertThat(r.ok()).isFalse();
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(calls).hasValue(3);
    assertThat(r.failure()).contains("HTTP 500: internal error (after 3 attempts)");

    // Through the source: every signal MISSING, and the arrival rate is not a zero
    List<SlaPolicy> policies =
        TestPolicies.load(dir, TestPolicies.yaml("inference", "llama", "{preset: vllm}"));
    var snapshot =
        PrometheusMetricsSource.forPolicies(settings("").retries(0).build(), policies)
            .snapshot(List.of(new DeploymentKey("inference", "llama")), NOW)
            .get(new DeploymentKey("inference", "llama"));
    assertThat(snapshot.arrivalRate().health()).isEqualTo(Health.MISSING);
    assertThat(snapshot.loadIsHealthy()).isFalse();
  }

  @Test
  void http503ThenSuccessRecovers() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server =
        new ScriptedPrometheus(
            q -> calls.incrementAndGet() == 1 ? new Reply(503, "", 0) : Reply.ok(ONE));
    QueryResult r =
        new PrometheusClient(settings("").build())
            .query("up", NOW, deadline(Duration.ofSeconds(5)));
    assertThat(r.ok()).isTrue();
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(r.samples().get(0).value()).isEqualTo(1.0);
  }

  @Test
  void http400WithPrometheusErrorJsonIsNotRetriedAndShowsTheError() throws Exception {
    String error =
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter"
            + " \\\"query\\\": 1:6: parse error: unexpected right parenthesis ')'\"}";
    server = new ScriptedPrometheus(q -> new Reply(400, error, 0));
    QueryResult r =
        new PrometheusClient(settings("").build())
            .query("rate(x))", NOW, deadline(Duration.ofSeconds(5)));
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.failure())
        .contains(
            "HTTP 400: bad_data: invalid parameter \"query\": 1:6: parse error: unexpected right"
                + " parenthesis ')'");
  }

  @Test
  void aSlowResponsePastTheTimeoutIsMissingWithinTheTimeoutAndRetries() throws Exception {
    server = new ScriptedPrometheus(q -> new Reply(200, ONE, 3_000));
    long start = System.nanoTime();
    QueryResult r =
        new PrometheusClient(settings("").retries(1).build())
            .query("up", NOW, deadline(Duration.ofSeconds(10)));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(r.ok()).isFalse();
    assertThat(r.failure().get()).contains("timed out").contains("after 2 attempts");
    // two attempts of 300 ms and one backoff of 20 ms, far from the server's 3 s
    assertThat(tookMillis).isLessThan(2_000);
  }

  @Test
  void aRefusedConnectionIsMissingAndSaysSo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PrometheusSettings s =
        PrometheusSettings.builder(URI.create("http://127.0.0.1:" + port))
            .timeout(Duration.ofMillis(500))
            .backoff(Duration.ofMillis(10))
            .build();
    QueryResult r = new PrometheusClient(s).query("up", NOW, deadline(Duration.ofSeconds(5)));
    assertThat(r.ok()).isFalse();
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(r.failure().get()).startsWith("connection refused by http://127.0.0.1:" + port);
  }

  @Test
  void theTickDeadlineStopsFurtherQueries() throws Exception {
    VllmScript script = new VllmScript(new Target("inference", "m"));
    server =
        new ScriptedPrometheus(
            q -> {
              Reply r = script.apply(q);
              return new Reply(r.status(), r.body(), 150);
            });
    List<SlaPolicy> policies =
        TestPolicies.load(
            dir, TestPolicies.yaml("inference", "llama", "{labels: {model_name: m}}"));
    long start = System.nanoTime();
    MetricsReadout r =
        PrometheusMetricsSource.forPolicies(
                settings("")
                    .timeout(Duration.ofSeconds(1))
                    .tickDeadline(Duration.ofMillis(400))
                    .build(),
                policies)
            .read(List.of(new DeploymentKey("inference", "llama")), NOW);
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(tookMillis).isLessThan(1_500);
    assertThat(server.received().size()).isBetween(2, 4);
    assertThat(r.queries())
        .filteredOn(q -> q.attempts() == 0)
        .allSatisfy(
            q ->
                assertThat(q.failure()).contains("tick deadline passed before the query was sent"));
    SignalReading kv =
        r.deployments()
            .get(new DeploymentKey("inference", "llama"))
            .signal(MetricSignal.KV_CACHE_USAGE);
    assertThat(kv.value().health()).isEqualTo(Health.MISSING);
    assertThat(kv.reason()).contains("tick deadline passed");
  }

  @Test
  void theBearerTokenIsReReadWhenItsFileChanges() throws Exception {
    server = new ScriptedPrometheus(q -> Reply.ok(ONE));
    Path token = dir.resolve("token");
    Files.writeString(token, "first-token\n");
    PrometheusClient client = new PrometheusClient(settings("").bearerTokenFile(token).build());
    client.query("up", NOW, deadline(Duration.ofSeconds(5)));
    client.query("up", NOW, deadline(Duration.ofSeconds(5)));
    Files.writeString(token, "second-token-rotated\n");
    Files.setLastModifiedTime(token, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    client.query("up", NOW, deadline(Duration.ofSeconds(5)));
    assertThat(server.received())
        .extracting(ScriptedPrometheus.Received::authorization)
        .containsExactly("Bearer first-token", "Bearer first-token", "Bearer second-token-rotated");
  }

  @Test
  void basicAuthAndAPathPrefixReachAPrometheusBehindAProxy() throws Exception {
    server = new ScriptedPrometheus("/prometheus", q -> Reply.ok(ONE));
    QueryResult r =
        new PrometheusClient(settings("/prometheus/").basicAuth("tandem", "s3cret").build())
            .query("up", NOW, deadline(Duration.ofSeconds(5)));
    assertThat(r.ok()).isTrue();
    assertThat(server.received().get(0).path()).isEqualTo("/prometheus/api/v1/query");
    assertThat(server.received().get(0).authorization()).isEqualTo("Basic dGFuZGVtOnMzY3JldA==");
  }

  @Test
  void anUnexpectedBodyIsMissingNotAnException() throws Exception {
    server = new ScriptedPrometheus(q -> Reply.ok("<html>proxy login</html>"));
    QueryResult r =
        new PrometheusClient(settings("").build())
            .query("up", NOW, deadline(Duration.ofSeconds(5)));
    assertThat(r.ok()).isFalse();
    assertThat(r.failure().get()).startsWith("unreadable response");
  }

  @Test
  void settingsRejectNonsenseWithTheFieldName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PrometheusSettings.of("ftp://prometheus"))
        .hasMessageContaining("http:// or https://");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PrometheusSettings.builder(URI.create("http://p")).timeout(Duration.ZERO).build())
        .hasMessageContaining("timeout must be > 0");
    assertThat(PrometheusSettings.of("http://mimir/prometheus/").queryUri())
        .isEqualTo(URI.create("http://mimir/prometheus/api/v1/query"));
  }
}

package dev.tandem.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.service.loop.LoopRunner;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The console's endpoints against a cluster (a {@link FakeCluster}, no simulator): the static pages
 * and the chart library are served, the clock is the wall clock with no speed to set, the overview
 * shows the mode in force, and the history grows with the loop's plans, bounded, handing out only
 * what is newer. The fixture policies: {@code inference/llama-8b} (active) and {@code
 * inference/other} (advisory), 16 GPUs each.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tandem.tick-period=1h",
      "tandem.policy-poll=1h",
      "tandem.auth.mode=none",
      "server.address=127.0.0.1",
      "tandem.checkpoint.file=",
      "tandem.console.history-points=3",
      "logging.level.root=WARN"
    })
@ContextConfiguration(initializers = ConsoleApiIT.Cluster.class)
class ConsoleApiIT {

  static final FakeCluster CLUSTER = new FakeCluster();
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static final class Cluster
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getBeanFactory().registerSingleton("clusterPorts", CLUSTER.ports());
      context.getBeanFactory().registerSingleton("clock", CLOCK);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) throws URISyntaxException {
    Path fixtures = Path.of(ConsoleApiIT.class.getResource("/fixtures").toURI());
    r.add("tandem.policies", fixtures::toString);
  }

  @LocalServerPort int port;
  @Autowired LoopRunner loop;

  @Test
  void servesThePagesAndTheChartLibraryFromTheJar() throws Exception {
    HttpResponse<String> index = send("GET", "/", null);
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("<title>Tandem console</title>");
    HttpResponse<String> page = send("GET", "/deployment.html", null);
    assertThat(page.body()).contains("webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
    HttpResponse<String> uplot = send("GET", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", null);
    assertThat(uplot.statusCode()).isEqualTo(200);
    assertThat(uplot.body()).contains("uPlot");
  }

  @Test
  void againstAClusterTheClockIsWallTimeWithNoSpeedToSet() throws Exception {
    JsonNode clock = json(send("GET", "/v1/console/clock", null), 200);
    assertThat(clock.get("simulated").asBoolean()).isFalse();
    assertThat(Instant.parse(clock.get("now").asString())).isEqualTo(CLOCK.instant());
    assertThat(clock.get("minSpeed").isNull()).isTrue();

    JsonNode refused = json(send("PUT", "/v1/console/clock", "{\"speed\":120}"), 409);
    assertThat(refused.toString()).contains("speed").contains("serve --simulate");
  }

  @Test
  void theHistoryGrowsWithThePlansBoundedAndHandsOutOnlyWhatIsNewer() throws Exception {
    String path = "/v1/console/deployments/inference/llama-8b/history";
    long start = json(send("GET", path, null), 200).get("latestSeq").asLong();
    CLUSTER.rate(30);
    for (int i = 0; i < 4; i++) {
      CLOCK.advance(Duration.ofSeconds(60)); // both roles due every time
      loop.tickNow();
    }
    JsonNode all = json(send("GET", path + "?after=0", null), 200);
    assertThat(all.get("latestSeq").asLong()).isEqualTo(start + 4);
    assertThat(all.get("points")).hasSize(3); // tandem.console.history-points=3
    JsonNode last = all.get("points").get(2);
    assertThat(last.get("seq").asLong()).isEqualTo(start + 4);
    assertThat(Instant.parse(last.get("at").asString())).isEqualTo(CLOCK.instant());
    assertThat(last.get("observedRate").asDouble()).isEqualTo(30.0);
    assertThat(last.get("capacity").asDouble()).isGreaterThan(0);
    assertThat(last.get("budgetGpus").asInt()).isEqualTo(16);
    assertThat(last.at("/prefill/written").isNull()).isFalse();
    assertThat(all.at("/targets/ttftMillis").asDouble()).isEqualTo(200.0);
    assertThat(all.at("/targets/itlPercentile").asDouble()).isEqualTo(90.0);
    assertThat(all.get("decisions")).isNotEmpty();
    assertThat(all.at("/decisions/0/message").asString()).isNotBlank();

    JsonNode none = json(send("GET", path + "?after=" + (start + 4), null), 200);
    assertThat(none.get("points")).isEmpty();
    assertThat(none.get("decisions")).isEmpty();

    JsonNode unknown =
        json(send("GET", "/v1/console/deployments/inference/nope/history", null), 404);
    assertThat(unknown.toString()).contains("inference/nope");
  }

  @Test
  void theOverviewShowsTheModeInForceIncludingAPause() throws Exception {
    loop.tickNow();
    assertThat(mode("llama-8b")).isEqualTo("active");
    assertThat(mode("other")).isEqualTo("advisory");
    assertThat(send("POST", "/v1/deployments/inference/llama-8b/pause", null).statusCode())
        .isEqualTo(200);
    try {
      assertThat(mode("llama-8b")).isEqualTo("paused");
    } finally {
      send("POST", "/v1/deployments/inference/llama-8b/resume", null);
    }
    assertThat(mode("llama-8b")).isEqualTo("active");
    JsonNode row = row("llama-8b");
    assertThat(row.get("budgetGpus").asInt()).isEqualTo(16);
    assertThat(row.get("roles")).hasSize(2);
    assertThat(row.get("metricsHealthy").asBoolean()).isTrue();
    assertThat(row.get("lastReasons")).hasSize(2);
  }

  private String mode(String name) throws Exception {
    return row(name).get("mode").asString();
  }

  private JsonNode row(String name) throws Exception {
    for (JsonNode r : json(send("GET", "/v1/console/deployments", null), 200)) {
      if (r.get("name").asString().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no overview row for " + name);
  }

  private HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }
}

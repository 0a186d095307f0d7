package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.MetricsPreset;
import dev.tandem.k8s.Fixtures;
import dev.tandem.k8s.MockCluster;
import dev.tandem.metrics.PrometheusProcess;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.service.TandemServiceApplication;
import dev.tandem.simulations.arrivals.ArrayArrivals;
import dev.tandem.simulations.engine.ProgressListener;
import dev.tandem.simulations.engine.RealTimePacer;
import dev.tandem.simulations.engine.Simulation;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.engine.SimulationObserver;
import dev.tandem.simulations.export.EngineMetricsExporter;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import io.fabric8.kubernetes.api.model.Event;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole path, each part real: simulated vLLM engines export their metric text, a real
 * Prometheus scrapes it, the service (leader of a Lease) reads Prometheus through the presets and
 * writes a Grove PodCliqueSet's prefill PodClique and decode PodCliqueScalingGroup on fabric8's
 * mock API server holding the real CRDs, where a stand-in for Grove marks written replicas ready.
 * Load rises from 2 to 20 req/s and falls to 1 req/s; prefill and decode must grow and then shrink,
 * every write must leave an Event with its reason, and the service's own metrics must say so.
 *
 * <p>The simulated engines are a fixed 1 prefill + 1 decode (the loop is open: what the service
 * writes does not resize them), so the load the service sees is the load offered. About 90 s.
 */
class EndToEndIT {

  private static final long RISE_MICROS = 20_000_000;
  private static final long FALL_MICROS = 50_000_000;
  private static final long END_MICROS = 110_000_000;

  @TempDir Path dir;

  @Test
  void enginesToPrometheusToServiceToGroveObjects() throws Exception {
    Path root = CliRun.root();
    Path profileFile = root.resolve("examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml");
    PerformanceProfile profile = PerformanceProfileLoader.load(profileFile);
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.copy(profileFile, policies.resolve("h200.yaml"));
    Files.writeString(policies.resolve("llama.yaml"), policy());

    List<Throwable> simFailure = new CopyOnWriteArrayList<>();
    try (MockCluster cluster = new MockCluster();
        EngineMetricsExporter vllm = EngineMetricsExporter.start(MetricsPreset.VLLM, "llama", 0);
        PrometheusProcess prometheus =
            PrometheusProcess.start(dir, Map.of("127.0.0.1:" + vllm.port(), Fixtures.NS))) {
      cluster.create(Fixtures.podCliqueSet("llama", 1));
      cluster.create(Fixtures.podClique("llama-0-prefill", 1, 1, 1));
      cluster.create(Fixtures.scalingGroup("llama-0-decode", 1, 1, 1));

      RealTimePacer pacer = new RealTimePacer(1.0);
      Thread sim =
          new Thread(
              () -> {
                try {
                  new Simulation(
                          load().open(0),
                          new StaticSplitPolicy(2, 2),
                          SimulationConfig.of(
                              profile, SlaTargets.millis(90, 200, 90, 10), Duration.ofSeconds(60)),
                          ProgressListener.NONE,
                          SimulationObserver.all(List.of(pacer, vllm)))
                      .run();
                } catch (Throwable e) {
                  simFailure.add(e);
                }
              },
              "paced-simulation");
      sim.setDaemon(true);
      sim.start();

      int port = freePort();
      SpringApplication app = new SpringApplication(TandemServiceApplication.class);
      app.addInitializers(
          c -> c.getBeanFactory().registerSingleton("kubernetesClient", cluster.client()));
      try (ConfigurableApplicationContext service =
          app.run(
              "--server.port=" + port,
              "--server.address=127.0.0.1",
              "--tandem.policies=" + policies,
              "--tandem.prometheus.url=" + prometheus.uri(),
              "--tandem.checkpoint.file=",
              "--tandem.tick-period=1s",
              "--tandem.policy-poll=1h",
              "--tandem.auth.mode=none",
              "--tandem.leader-election.enabled=true",
              "--tandem.leader-election.lease-namespace=tandem-system",
              "--tandem.leader-election.lease-duration=6s",
              "--logging.level.root=WARN")) {
        List<int[]> seen = new ArrayList<>();
        while (pacer.startNanos() < 0 || elapsedMicros(pacer) < END_MICROS) {
          cluster.groveMarksWrittenReplicasReady("llama-0-prefill", "llama-0-decode");
          seen.add(
              new int[] {
                cluster.specReplicas("PodClique", "llama-0-prefill"),
                cluster.specReplicas("PodCliqueScalingGroup", "llama-0-decode")
              });
          TimeUnit.SECONDS.sleep(1);
        }
        assertThat(simFailure).isEmpty();

        int peakPrefill = seen.stream().mapToInt(s -> s[0]).max().orElseThrow();
        int peakDecode = seen.stream().mapToInt(s -> s[1]).max().orElseThrow();
        int[] last = seen.get(seen.size() - 1);
        String trace = trace(seen);
        System.out.println("end-to-end prefill/decode replicas, one per second: " + trace);
        String deployment = get(port, "/v1/deployments/inference/llama");
        Files.writeString(Path.of("target", "end-to-end-deployment.json"), deployment);
        // the load steps 2 → 20 → 1 req/s with Poisson arrivals in between. The plain
        // variance-to-mean ratio of 10 s counts read 50–78 here, counting the levels as bursts;
        // the Allan factor holds each step once, and with the few intervals of a 2-minute run
        // (a step of 180 per interval over 1–10 differences) the c_a² at 1 s reads 4–11
        List<Double> burstiness =
            Pattern.compile("c_a² ([0-9.]+)")
                .matcher(deployment)
                .results()
                .map(m -> Double.parseDouble(m.group(1)))
                .toList();
        assertThat(burstiness).as(deployment).isNotEmpty().allMatch(c -> c < 20);
        assertThat(peakPrefill).as("prefill grew with the load: " + trace).isGreaterThan(1);
        assertThat(peakDecode).as("decode grew with the load: " + trace).isGreaterThan(1);
        assertThat(last[0]).as("prefill shrank after the peak: " + trace).isLessThan(peakPrefill);
        // decode peaks at 2 here and its need at the tail sits near one engine (the fallback's
        // level falls from 20 req/s with τ = 2 min), so a late tick may ask for the second engine
        // again: it must have come down after its peak, not necessarily stayed down at the last
        // sample
        assertThat(minAfterFirst(seen, 1, peakDecode))
            .as("decode shrank after the peak: " + trace)
            .isLessThan(peakDecode);

        List<Event> events =
            cluster.client().v1().events().inNamespace(Fixtures.NS).list().getItems();
        assertThat(events).isNotEmpty().allMatch(e -> e.getReason().equals("TandemScaled"));
        assertThat(events)
            .extracting(e -> e.getInvolvedObject().getName())
            .contains("llama-0-prefill", "llama-0-decode");

        String metrics = get(port, "/actuator/prometheus");
        assertThat(metrics)
            .contains("tandem_leader 1.0")
            .containsPattern(
                "tandem_desired_replicas\\{deployment=\"llama\",namespace=\"inference\","
                    + "role=\"prefill\"} "
                    + last[0]
                    + "\\.0")
            .containsPattern("tandem_metrics_healthy\\{[^}]*deployment=\"llama\"[^}]*} 1\\.0");
        assertThat(get(port, "/v1/deployments/inference/llama")).contains("\"SCALE_UP");
      }
    }
  }

  /**
   * Poisson arrivals: 2 req/s, then 14 req/s from 20 s, then 1 req/s from 50 s; ISL 2–4k, OSL
   * 100–200.
   */
  private static ArrayArrivals load() {
    SplittableRandom rnd = new SplittableRandom(42);
    List<long[]> rows = new ArrayList<>();
    double now = 0;
    while (now < END_MICROS) {
      double rate = now < RISE_MICROS ? 2 : now < FALL_MICROS ? 20 : 1;
      now += -Math.log(1 - rnd.nextDouble()) / rate * 1e6;
      rows.add(new long[] {(long) now, 2000 + rnd.nextInt(2001), 250 + rnd.nextInt(101)});
    }
    long[] at = new long[rows.size()];
    int[] isl = new int[rows.size()];
    int[] osl = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      at[i] = rows.get(i)[0];
      isl[i] = (int) rows.get(i)[1];
      osl[i] = (int) rows.get(i)[2];
    }
    return new ArrayArrivals(at, isl, osl);
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static long elapsedMicros(RealTimePacer pacer) {
    return (System.nanoTime() - pacer.startNanos()) / 1000;
  }

  /** The lowest count of role {@code i} after its first sample at {@code peak}. */
  private static int minAfterFirst(List<int[]> seen, int i, int peak) {
    int from = 0;
    while (seen.get(from)[i] < peak) {
      from++;
    }
    return seen.subList(from, seen.size()).stream().mapToInt(s -> s[i]).min().orElseThrow();
  }

  private static String trace(List<int[]> seen) {
    return seen.stream().map(s -> s[0] + "/" + s[1]).collect(Collectors.joining(" "));
  }

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  private static String policy() {
    return """
        apiVersion: tandem.dev/v1alpha1
        kind: SlaPolicy
        metadata: {name: llama, namespace: inference}
        spec:
          mode: active
          sla:
            ttft: {percentile: 90, target: 200ms}
            itl: {percentile: 90, target: 10ms}
          roles:
            prefill:
              target: {kind: PodCliqueSet, name: llama, clique: prefill}
              maxReplicas: 8
              profile: h200.yaml
            decode:
              target: {kind: PodCliqueSet, name: llama, scalingGroup: decode}
              maxReplicas: 8
              profile: h200.yaml
          budget: {maxGpus: 16}
          behavior:
            startupTime: 5s
            prefill: {interval: 5s, scaleUpLimit: 4, scaleDownStabilization: 10s}
            decode: {interval: 5s, scaleUpLimit: 2, scaleDownStabilization: 10s}
          metrics: {preset: vllm, window: 10s, labels: {model_name: llama}}
        """;
  }
}

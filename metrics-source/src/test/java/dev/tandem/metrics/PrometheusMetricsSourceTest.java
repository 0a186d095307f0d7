package dev.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.config.policy.MetricSignal;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.metrics.ScriptedPrometheus.Reply;
import dev.tandem.metrics.VllmScript.Target;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.Health;
import dev.tandem.planner.metrics.MetricsSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The vLLM preset against a scripted Prometheus: derivations, batching and every bad answer. */
class PrometheusMetricsSourceTest {

  static final Instant NOW = Instant.ofEpochSecond(1_700_000_005);
  static final DeploymentKey KEY = new DeploymentKey("inference", "llama");

  @TempDir Path dir;
  ScriptedPrometheus server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private List<SlaPolicy> llama() {
    return TestPolicies.load(
        dir,
        TestPolicies.yaml(
            "inference", "llama", "{preset: vllm, window: 1m, labels: {model_name: m}}"));
  }

  private MetricsReadout read(VllmScript script, List<SlaPolicy> policies) throws Exception {
    server = new ScriptedPrometheus(script);
    PrometheusSettings settings =
        PrometheusSettings.builder(server.uri(""))
            .timeout(Duration.ofMillis(500))
            .backoff(Duration.ofMillis(10))
            .build();
    return PrometheusMetricsSource.forPolicies(settings, policies)
        .read(policies.stream().map(DeploymentKey::of).toList(), NOW);
  }

  private static SignalReading signal(MetricsReadout r, MetricSignal s) {
    return r.deployments().get(KEY).signal(s);
  }

  @Test
  void healthyAnswersGiveEverySignalWithItsDerivation() throws Exception {
    MetricsReadout r = read(new VllmScript(new Target("inference", "m")), llama());
    MetricsSnapshot s = r.snapshots().get(KEY);

    // arrivals = completions 10/s + in-flight growth 2/s (conservation)
    assertThat(s.arrivalRate().value()).isEqualTo(12.0);
    assertThat(signal(r, MetricSignal.REQUEST_RATE).reason())
        .contains("arrivals = completions 10.0/s + d/dt in-flight 2.00/s");
    // ISL mean = 30000 tokens/s ÷ 10 requests/s; second moment: midpoints 1500 (2/10) and 3500
    // (8/10) have variance 0.2·0.8·2000² = 640000, so E[ISL²] = 3000² + 640000.
    assertThat(s.inputTokensMean().value()).isEqualTo(3000.0);
    assertThat(s.inputTokensSecondMoment().value()).isCloseTo(9_640_000.0, within(1e-6));
    assertThat(s.outputTokensMean().value()).isEqualTo(300.0);
    // p90 TTFT: rank 9 of 10 in (100, 250] ms holding 4.5 → 100 + 150·4/4.5 = 233.3 ms; the bucket
    // straddles the 200 ms target, so the value is marked low-confidence.
    SignalReading ttft = signal(r, MetricSignal.TTFT_PERCENTILE);
    assertThat(ttft.value().value()).isCloseTo(233.333, within(1e-3));
    assertThat(ttft.bucket()).contains(new SignalReading.Bounds(100, 250));
    assertThat(ttft.lowConfidence()).isTrue();
    assertThat(ttft.reason()).contains("LOW CONFIDENCE");
    // p90 ITL: rank 9 reaches the (10, 25] ms bucket exactly at its top: 25 ms, and the target 25
    // ms is the bucket's edge, so the histogram can tell.
    SignalReading itl = signal(r, MetricSignal.ITL_PERCENTILE);
    assertThat(itl.value().value()).isCloseTo(25.0, within(1e-9));
    assertThat(itl.lowConfidence()).isFalse();
    assertThat(itl.reason()).contains("per-request mean gap");
    assertThat(s.kvCacheUsage().value()).isEqualTo(0.4);
    assertThat(s.queueDepth().value()).isEqualTo(3.0);
    assertThat(s.prefixCacheHitRate().value()).isEqualTo(0.25);
    // Allan factor 1.8 per 10 s: its excess 0.8 scaled to the queue's 1 s is 0.08
    assertThat(s.arrivalCv2().value()).isCloseTo(1.08, within(1e-12));
    assertThat(signal(r, MetricSignal.ARRIVAL_CV2).reason())
        .contains(
            "Allan factor of arrivals per 10s over 600s: 1.80; at the queue's 1000 ms scale: 1.08");
    assertThat(r.httpCalls()).isEqualTo(14);
    // the newest gauge sample was taken at 1_700_000_000, 5 s before the read
    assertThat(s.dataAge()).isEqualTo(Duration.ofSeconds(5));
    Stream.of(MetricSignal.values())
        .forEach(
            m -> assertThat(signal(r, m).value().health()).as(m.yamlName()).isEqualTo(Health.OK));
  }

  @Test
  void oneQueryPerSignalServesFiveHundredDeployments() throws Exception {
    List<String> yamls = new java.util.ArrayList<>();
    VllmScript script = new VllmScript();
    for (int i = 0; i < 500; i++) {
      String ns = "team-" + (i % 4);
      yamls.add(
          TestPolicies.yaml(ns, "d" + i, "{preset: vllm, labels: {model_name: model-" + i + "}}"));
      script.targets.add(new Target(ns, "model-" + i));
    }
    // completions differ per deployment: i/s for model-i
    script.values.put(QueryKind.COMPLETIONS, t -> List.of(t.model().substring("model-".length())));
    List<SlaPolicy> policies = TestPolicies.load(dir, yamls.toArray(String[]::new));
    MetricsReadout r = read(script, policies);

    assertThat(r.httpCalls()).isEqualTo(14);
    assertThat(server.received()).hasSize(14);
    assertThat(server.received().get(0).query())
        .contains("namespace=~\"team-0|team-1|team-2|team-3\"")
        .startsWith("quantile by (namespace, model_name) (0.5, 120 / count_over_time(")
        .endsWith(" offset 120s)");
    assertThat(server.received().get(1).query())
        .contains("namespace=~\"team-0|team-1|team-2|team-3\"")
        .contains("sum by (namespace, model_name)");
    for (int i = 0; i < 500; i++) {
      MetricsSnapshot s = r.snapshots().get(new DeploymentKey("team-" + (i % 4), "d" + i));
      assertThat(s.arrivalRate().value()).as("d" + i).isEqualTo(i + 2.0);
    }
  }

  /** The healthy script, with the completion counter's samples {@code seconds} apart. */
  private MetricsReadout scrapedEvery(String seconds) throws Exception {
    return read(
        new VllmScript(new Target("inference", "m")).scalar(QueryKind.SCRAPE_SPACING, seconds),
        llama());
  }

  @Test
  void burstinessIsCountedPerAWholeNumberOfScrapes() throws Exception {
    // scraped every 15 s: 10 s counts would alternate between 0 and 15 s of arrivals
    SignalReading cv2 = signal(scrapedEvery("15"), MetricSignal.ARRIVAL_CV2);
    // Allan factor 1.8 per 15 s: its excess 0.8 scaled to the queue's 1 s is 0.8 / 15
    assertThat(cv2.value().value()).isCloseTo(1 + 0.8 / 15, within(1e-12));
    assertThat(cv2.reason())
        .contains("Allan factor of arrivals per 15s over 600s: 1.80")
        .contains("scrape interval 15s: counted per 15s (the configured 10s is not a whole number");
    assertThat(cv2.promql()).hasSize(2);
    assertThat(server.received())
        .extracting(ScriptedPrometheus.Received::query)
        .filteredOn(q -> q.startsWith("avg_over_time((("))
        .singleElement()
        .satisfies(q -> assertThat(q).contains("[600s:15s]").contains(" offset 15s"))
        .satisfies(q -> assertThat(q).doesNotContain("10s"));
  }

  @Test
  void aRateWindowShorterThanTwoScrapesIsNamedWhereRatesReadNothing() throws Exception {
    // scraped every 45 s with a 1-minute window: rate() usually finds one sample and returns
    // nothing
    VllmScript script =
        new VllmScript(new Target("inference", "m"))
            .scalar(QueryKind.SCRAPE_SPACING, "45")
            .reply(
                QueryKind.COMPLETIONS, Reply.ok(ScriptedPrometheus.vector(List.of(), List.of())));
    MetricsReadout r = read(script, llama());
    assertThat(signal(r, MetricSignal.REQUEST_RATE).reason())
        .startsWith("completions: 0 series for")
        .endsWith(
            "; the policy's window 60s holds fewer than two scrapes 45s apart, and a rate needs"
                + " two: set spec.metrics.window to at least 90s");
    // a gauge does not depend on the window; the other rates were read and need no hint
    assertThat(signal(r, MetricSignal.INPUT_TOKENS_MEAN).value().health()).isEqualTo(Health.OK);
    // scraped every 30 s, the same window holds two scrapes: no hint
    server.close();
    MetricsReadout fine =
        read(
            new VllmScript(new Target("inference", "m"))
                .scalar(QueryKind.SCRAPE_SPACING, "30")
                .reply(
                    QueryKind.COMPLETIONS,
                    Reply.ok(ScriptedPrometheus.vector(List.of(), List.of()))),
            llama());
    assertThat(signal(fine, MetricSignal.REQUEST_RATE).reason()).doesNotContain("scrapes");
  }

  @Test
  void aScrapeIntervalTooLongForTheDispersionRangeLeavesBurstinessMissing() throws Exception {
    MetricsReadout r = scrapedEvery("240");
    SignalReading cv2 = signal(r, MetricSignal.ARRIVAL_CV2);
    assertThat(cv2.value().health()).isEqualTo(Health.MISSING);
    assertThat(cv2.reason())
        .isEqualTo(
            "scrape interval 240s: counts must span a whole number of scrapes, and fewer than 3"
                + " intervals of 240s fit the dispersion range 600s"
                + " (tandem.prometheus.dispersion-range)");
    // the dispersion query is not sent; every other signal is unaffected
    assertThat(r.httpCalls()).isEqualTo(13);
    assertThat(signal(r, MetricSignal.REQUEST_RATE).value().value()).isEqualTo(12.0);
  }

  @Test
  void anUnreadableScrapeIntervalKeepsTheConfiguredCountingIntervalAndSaysSo() throws Exception {
    MetricsReadout r =
        read(
            new VllmScript(new Target("inference", "m"))
                .reply(QueryKind.SCRAPE_SPACING, new Reply(503, "unavailable", 0)),
            llama());
    SignalReading cv2 = signal(r, MetricSignal.ARRIVAL_CV2);
    assertThat(cv2.value().value()).isCloseTo(1.08, within(1e-12));
    assertThat(cv2.reason())
        .contains("per 10s over 600s")
        .contains("scrape interval not read, counted per the configured 10s");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("empty result", QueryKind.COMPLETIONS, List.<String>of(), "0 series for"),
        Arguments.of("NaN", QueryKind.COMPLETIONS, List.of("NaN"), "NaN"),
        Arguments.of("+Inf", QueryKind.COMPLETIONS, List.of("+Inf"), "+Inf"),
        Arguments.of("-Inf", QueryKind.COMPLETIONS, List.of("-Inf"), "-Inf"),
        Arguments.of("several series", QueryKind.COMPLETIONS, List.of("1", "2"), "2 series for"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void aBadAnswerIsMissingWithTheProblemNeverZero(
      String name, QueryKind kind, List<String> values, String why) throws Exception {
    VllmScript script = new VllmScript(new Target("inference", "m"));
    script.values.put(kind, t -> values);
    MetricsReadout r = read(script, llama());

    SignalReading rate = signal(r, MetricSignal.REQUEST_RATE);
    assertThat(rate.value().health()).isEqualTo(Health.MISSING);
    assertThat(rate.reason()).contains(why);
    assertThat(r.snapshots().get(KEY).loadIsHealthy()).isFalse();
    // the other signals are unaffected
    assertThat(signal(r, MetricSignal.INPUT_TOKENS_MEAN).value().isOk()).isTrue();
  }

  @Test
  void infiniteAndNegativeGaugesAreMissing() throws Exception {
    VllmScript script =
        new VllmScript(new Target("inference", "m"))
            .scalar(QueryKind.KV_CACHE_USAGE, "+Inf")
            .scalar(QueryKind.QUEUE_DEPTH, "-Inf")
            .scalar(QueryKind.INPUT_TOKENS_SUM, "NaN");
    MetricsReadout r = read(script, llama());
    assertThat(signal(r, MetricSignal.KV_CACHE_USAGE).value().health()).isEqualTo(Health.MISSING);
    assertThat(signal(r, MetricSignal.QUEUE_DEPTH).reason()).contains("-Inf");
    assertThat(signal(r, MetricSignal.INPUT_TOKENS_MEAN).reason()).contains("NaN");
    assertThat(signal(r, MetricSignal.INPUT_TOKENS_SECOND_MOMENT).value().health())
        .isEqualTo(Health.MISSING);
  }

  @Test
  void withoutInFlightGaugesArrivalsFallBackToCompletionsAndSaySo() throws Exception {
    VllmScript script =
        new VllmScript(new Target("inference", "m"))
            .reply(QueryKind.IN_FLIGHT_CHANGE, Reply.ok(ScriptedPrometheus.empty()));
    MetricsReadout r = read(script, llama());
    SignalReading rate = signal(r, MetricSignal.REQUEST_RATE);
    assertThat(rate.value().value()).isEqualTo(10.0);
    assertThat(rate.reason()).startsWith("completions only").contains("backlog");
  }

  @Test
  void aShrinkingBacklogLowersArrivalsBelowCompletions() throws Exception {
    VllmScript script =
        new VllmScript(new Target("inference", "m")).scalar(QueryKind.IN_FLIGHT_CHANGE, "-4");
    MetricsReadout r = read(script, llama());
    assertThat(r.snapshots().get(KEY).arrivalRate().value()).isEqualTo(6.0);
    assertThat(signal(r, MetricSignal.REQUEST_RATE).reason()).contains("− d/dt in-flight 4.00/s");
  }

  @Test
  void oldSamplesReadStaleWithTheirValues() throws Exception {
    VllmScript script = new VllmScript(new Target("inference", "m"));
    script.freshnessSeconds = NOW.getEpochSecond() - 600;
    MetricsReadout r = read(script, llama());
    SignalReading rate = signal(r, MetricSignal.REQUEST_RATE);
    assertThat(rate.value().health()).isEqualTo(Health.STALE);
    assertThat(rate.value().value()).isEqualTo(12.0);
    assertThat(rate.reason()).startsWith("STALE: newest sample 600s old (limit 120s)");
  }

  @Test
  void aPolicyOverrideReplacesThePresetQueryWithItsPlaceholdersFilled() throws Exception {
    List<SlaPolicy> policies =
        TestPolicies.load(
            dir,
            TestPolicies.yaml(
                "inference",
                "llama",
                "{preset: vllm, labels: {model_name: m}, queries: {kvCacheUsage:"
                    + " 'max(my_kv{namespace=\"$namespace\", $labels}[$window])',"
                    + " ttftPercentile: 'my_ttft{namespace=\"$namespace\"}'}}"));
    VllmScript script = new VllmScript(new Target("inference", "m"));
    server =
        new ScriptedPrometheus(
            q ->
                q.startsWith("max(my_kv")
                    ? Reply.ok(
                        ScriptedPrometheus.vector(List.of(java.util.Map.of()), List.of("0.7")))
                    : q.startsWith("my_ttft")
                        ? Reply.ok(
                            ScriptedPrometheus.vector(
                                List.of(java.util.Map.of("a", "1"), java.util.Map.of("a", "2")),
                                List.of("0.1", "0.2")))
                        : script.apply(q));
    MetricsReadout r =
        PrometheusMetricsSource.forPolicies(
                PrometheusSettings.of(server.uri("").toString()), policies)
            .read(List.of(KEY), NOW);

    assertThat(server.received())
        .extracting(ScriptedPrometheus.Received::query)
        .contains("max(my_kv{namespace=\"inference\", model_name=\"m\"}[60s])");
    assertThat(signal(r, MetricSignal.KV_CACHE_USAGE).value().value()).isEqualTo(0.7);
    assertThat(signal(r, MetricSignal.KV_CACHE_USAGE).reason()).contains("override");
    assertThat(signal(r, MetricSignal.TTFT_PERCENTILE).value().health()).isEqualTo(Health.MISSING);
    assertThat(signal(r, MetricSignal.TTFT_PERCENTILE).reason())
        .contains("2 series where one was expected");
    assertThat(r.httpCalls()).isEqualTo(16);
  }

  @Test
  void aDeploymentWithoutAPolicyIsAllMissing() throws Exception {
    MetricsReadout r = read(new VllmScript(), List.of());
    assertThat(r.deployments()).isEmpty();
    PrometheusMetricsSource source =
        PrometheusMetricsSource.forPolicies(
            PrometheusSettings.of(server.uri("").toString()), List.of());
    MetricsSnapshot s = source.snapshot(List.of(KEY), NOW).get(KEY);
    assertThat(s.arrivalRate().health()).isEqualTo(Health.MISSING);
    assertThat(server.received()).isEmpty();
  }
}

package dev.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.config.policy.MetricSignal;
import dev.tandem.config.policy.MetricsPreset;
import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.metrics.GroundTruth.Done;
import dev.tandem.planner.ControlLoop;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.Planner;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.TickReport;
import dev.tandem.planner.metrics.Health;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.arrivals.ArrayArrivals;
import dev.tandem.simulations.engine.ProgressListener;
import dev.tandem.simulations.engine.RealTimePacer;
import dev.tandem.simulations.engine.Simulation;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.engine.SimulationObserver;
import dev.tandem.simulations.export.EngineMetricsExporter;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes simulated engines of every preset (vLLM with two data-parallel engine
 * cores, SGLang, the Dynamo frontend) while a simulation runs in real time through one prefill and
 * one decode engine: 30 s of Poisson arrivals at 3 req/s (ISL 6000–10000, OSL 50–150, the prefill
 * engine about half busy), then 12 req/s, twice what the prefill engine can serve, so a backlog
 * grows. Tandem reads each deployment back and is compared with the simulator's ground truth; then
 * the ControlLoop plans from what it read. Takes about 50 s.
 */
class PrometheusMetricsIT {

  private static final Pattern ALLAN =
      Pattern.compile("Allan factor of arrivals per (\\d+)s over 24s: ([0-9.]+(?:e[+-][0-9]+)?)");

  /**
   * The SGLang engine is scraped every 2 s, the others every second; the burstiness counts are
   * configured at 3 s, which is not a whole number of 2 s scrapes, so SGLang's are taken per 4 s.
   */
  static final Duration SGLANG_SCRAPE = Duration.ofSeconds(2);

  static final Duration WINDOW = Duration.ofSeconds(15);
  static final long STEADY_END_MICROS = 30_000_000;
  static final long BACKLOG_END_MICROS = 50_000_000;
  static final Map<MetricsPreset, DeploymentKey> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put(MetricsPreset.VLLM, new DeploymentKey("ns-vllm", "llama-vllm"));
    KEYS.put(MetricsPreset.SGLANG, new DeploymentKey("ns-sglang", "llama-sglang"));
    KEYS.put(MetricsPreset.DYNAMO, new DeploymentKey("ns-dynamo", "llama-dynamo"));
  }

  @TempDir Path dir;

  private static ArrayArrivals load() {
    Random rnd = new Random(42);
    List<Long> t = new ArrayList<>();
    double now = 0;
    while (now < BACKLOG_END_MICROS) {
      double rate = now < STEADY_END_MICROS ? 3 : 12;
      now += -Math.log(1 - rnd.nextDouble()) / rate * 1e6;
      t.add((long) now);
    }
    int n = t.size();
    long[] at = new long[n];
    int[] isl = new int[n];
    int[] osl = new int[n];
    for (int i = 0; i < n; i++) {
      at[i] = t.get(i);
      isl[i] = 6000 + rnd.nextInt(4001);
      osl[i] = 50 + rnd.nextInt(101);
    }
    return new ArrayArrivals(at, isl, osl);
  }

  private List<SlaPolicy> policies() {
    String w = "window: " + WINDOW.toSeconds() + "s";
    return TestPolicies.load(
        dir,
        TestPolicies.yaml(
            "ns-vllm", "llama-vllm", "{preset: vllm, " + w + ", labels: {model_name: llama-v}}"),
        TestPolicies.yaml(
            "ns-sglang",
            "llama-sglang",
            "{preset: sglang, " + w + ", labels: {model_name: llama-s}}"),
        TestPolicies.yaml(
            "ns-dynamo", "llama-dynamo", "{preset: dynamo, " + w + ", labels: {model: llama-d}}"));
  }

  @Test
  void readsEveryPresetFromARealPrometheusAndPlansFromIt() throws Exception {
    List<SlaPolicy> policies = policies();
    PerformanceProfile profile = PerformanceProfileLoader.load(TestPolicies.profile(dir));
    GroundTruth truth = new GroundTruth();
    RealTimePacer pacer = new RealTimePacer(1.0);
    List<Throwable> simFailure = new CopyOnWriteArrayList<>();
    long prometheusPid;
    try (EngineMetricsExporter vllm =
            EngineMetricsExporter.start(MetricsPreset.VLLM, "llama-v", 0);
        EngineMetricsExporter sglang =
            EngineMetricsExporter.start(MetricsPreset.SGLANG, "llama-s", 0);
        EngineMetricsExporter dynamo =
            EngineMetricsExporter.start(MetricsPreset.DYNAMO, "llama-d", 0)) {
      Map<String, String> targets = new LinkedHashMap<>();
      targets.put("127.0.0.1:" + vllm.port(), "ns-vllm");
      targets.put("127.0.0.1:" + sglang.port(), "ns-sglang");
      targets.put("127.0.0.1:" + dynamo.port(), "ns-dynamo");
      try (PrometheusProcess prometheus =
          PrometheusProcess.start(
              dir, targets, Map.of("127.0.0.1:" + sglang.port(), SGLANG_SCRAPE))) {
        prometheusPid = prometheus.pid();
        Thread sim =
            new Thread(
                () -> {
                  try {
                    new Simulation(
                            load().open(0),
                            new StaticSplitPolicy(1, 1),
                            SimulationConfig.of(
                                profile,
                                SlaTargets.millis(90, 200, 90, 25),
                                Duration.ofSeconds(60)),
                            ProgressListener.NONE,
                            SimulationObserver.all(List.of(pacer, truth, vllm, sglang, dynamo)))
                        .run();
                  } catch (GroundTruth.Stopped e) {
                    // the test ended the run
                  } catch (Throwable e) {
                    simFailure.add(e);
                  }
                },
                "paced-simulation");
        sim.start();
        try {
          PrometheusSettings settings =
              PrometheusSettings.builder(prometheus.uri())
                  .dispersion(Duration.ofSeconds(3), Duration.ofSeconds(24))
                  .build();
          PrometheusMetricsSource source = PrometheusMetricsSource.forPolicies(settings, policies);

          long steadyAt = sleepUntil(pacer, 29_000_000);
          MetricsReadout steady = source.read(KEYS.values(), Instant.now());
          assertThat(steady.httpCalls()).isEqualTo(14 + 14 + 13);
          for (MetricsPreset p : KEYS.keySet()) {
            checkSteady(p, steady.deployments().get(KEYS.get(p)), truth, steadyAt);
          }
          checkPercentileAgainstPrometheus(source, steady);

          long backlogAt = sleepUntil(pacer, 46_000_000);
          MetricsReadout backlog = source.read(KEYS.values(), Instant.now());
          for (MetricsPreset p : KEYS.keySet()) {
            checkBacklog(p, backlog.deployments().get(KEYS.get(p)), truth, backlogAt, source);
          }

          planFromWhatWasRead(policies, profile, source);
          assertThat(simFailure).isEmpty();
        } finally {
          truth.stop();
          sim.join(TimeUnit.SECONDS.toMillis(20));
        }
      }
    }
    assertThat(ProcessHandle.of(prometheusPid).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
  }

  /** Sleeps until simulated time reaches {@code simMicros}; returns the simulated time then. */
  private static long sleepUntil(RealTimePacer pacer, long simMicros) throws InterruptedException {
    while (pacer.startNanos() < 0) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    long due = pacer.startNanos() + simMicros * 1000;
    long wait = due - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    return (System.nanoTime() - pacer.startNanos()) / 1000;
  }

  private static void checkSteady(
      MetricsPreset preset, DeploymentReading r, GroundTruth truth, long at) {
    String p = preset.yamlName() + " ";
    long from = at - WINDOW.toNanos() / 1000;
    r.signals()
        .forEach(
            (s, reading) -> {
              if (!(preset == MetricsPreset.DYNAMO && s == MetricSignal.KV_CACHE_USAGE)) {
                assertThat(reading.value().health())
                    .as(p + s.yamlName() + ": " + reading.reason())
                    .isEqualTo(Health.OK);
              }
            });
    double arrivals = truth.arrivalRate(from, at);
    print("steady", preset, r, truth, from, at);
    // the newest sample behind the readings, scraped every 1–2 s: a second or two old, not the
    // epoch and not the future
    assertThat(r.snapshot().dataAge())
        .as(p + "data age")
        .isBetween(Duration.ZERO, Duration.ofSeconds(10));
    assertThat(r.snapshot().arrivalRate().value())
        .as(p + "arrivals (truth %.2f/s): %s", arrivals, reason(r, MetricSignal.REQUEST_RATE))
        .isCloseTo(arrivals, within(0.2 * arrivals));
    // Lengths are observed at completion (vLLM, SGLang) or at the first token (Dynamo's ISL).
    ToLongFunction<Done> islWhen =
        preset == MetricsPreset.DYNAMO ? Done::firstToken : Done::completion;
    double isl = GroundTruth.mean(truth.completedIn(from, at, islWhen), Done::isl);
    assertThat(r.snapshot().inputTokensMean().value())
        .as(p + "ISL mean")
        .isCloseTo(isl, within(0.04 * isl));
    double osl = GroundTruth.mean(truth.completedIn(from, at, Done::completion), Done::osl);
    assertThat(r.snapshot().outputTokensMean().value())
        .as(p + "OSL mean")
        .isCloseTo(osl, within(0.04 * osl));
    assertThat(r.snapshot().inputTokensSecondMoment().value())
        .isGreaterThanOrEqualTo(Math.pow(r.snapshot().inputTokensMean().value(), 2));
    withinBucket(
        p + "TTFT p90",
        r.signal(MetricSignal.TTFT_PERCENTILE),
        1000
            * GroundTruth.quantile(
                truth.completedIn(from, at, Done::firstToken), 0.9, Done::ttftSeconds, d -> 1));
    boolean perRequest = preset != MetricsPreset.SGLANG && preset != MetricsPreset.DYNAMO;
    withinBucket(
        p + "ITL p90",
        r.signal(MetricSignal.ITL_PERCENTILE),
        1000
            * GroundTruth.quantile(
                truth.completedIn(from, at, Done::completion),
                0.9,
                Done::itlSeconds,
                d -> perRequest ? 1 : d.gaps()));
    assertThat(r.snapshot().prefixCacheHitRate().value()).as(p + "prefix hits").isZero();
    // Poisson counts give an Allan factor of 1, read here from the 8 intervals of 3 s in 24 s:
    // 8 differences of counts of about 9. This run's fixed sample, read 5 s either side of 29 s
    // with any scrape phase, gives 0.11–4.29 (it read 0.105 once: bounds at 0.15 and 3.0 flaked);
    // fresh Poisson counts lie in [0.031, 5.47] with probability 99.98 %. A query that returns
    // nothing or a missing term reads 0; the step below tells the estimators apart (0.98–3.23 for
    // this sample at any phase, 7–12 for the variance-to-mean ratio). Scaled to the queue's 1 s:
    // 1 + (AF − 1) / 3.
    // SGLang, scraped every 2 s, is counted per 4 s: 6 differences of counts of about 12, which
    // for this sample read 0.06–5.73 at any phase within 5 s of 29 s (1.45–4.47 across the step).
    boolean sglang = preset == MetricsPreset.SGLANG;
    int tau = countingSeconds(r);
    assertThat(tau).as(p + "counting interval").isEqualTo(sglang ? 4 : 3);
    assertThat(reason(r, MetricSignal.ARRIVAL_CV2))
        .as(p + "counting interval's reason")
        .contains(sglang ? "scrape interval 2s: counted per 4s (the configured 3s" : "per 3s over")
        .doesNotContain(sglang ? "per 3s over" : "scrape interval");
    double af = allanFactor(r);
    assertThat(af).as(p + "arrival Allan factor").isBetween(0.03, sglang ? 6.5 : 5.5);
    assertThat(r.snapshot().arrivalCv2().value())
        .as(p + "arrival c_a² at 1 s")
        .isCloseTo(1 + (af - 1) / tau, within(0.2));
    if (preset == MetricsPreset.DYNAMO) {
      assertThat(reason(r, MetricSignal.KV_CACHE_USAGE)).contains("has no such metric");
    } else {
      assertThat(r.snapshot().kvCacheUsage().value()).isBetween(0.0, 1.0);
    }
  }

  /** Read-back within the resolution of the bucket that holds it. */
  private static void withinBucket(String what, SignalReading reading, double truthMillis) {
    SignalReading.Bounds b = reading.bucket().orElseThrow();
    assertThat(b.upper()).as(what + " bucket").isFinite();
    assertThat(reading.value().value())
        .as(
            "%s (truth %.2f ms, bucket (%s, %s]): %s",
            what, truthMillis, b.lower(), b.upper(), reading.reason())
        .isCloseTo(truthMillis, within(b.upper() - b.lower()));
  }

  /** Tandem's quantile from bucket rates equals Prometheus' own histogram_quantile. */
  private static void checkPercentileAgainstPrometheus(
      PrometheusMetricsSource source, MetricsReadout steady) {
    QueryResult bucketQuery =
        steady.queries().stream()
            .filter(q -> q.promql().contains("vllm:time_to_first_token_seconds_bucket"))
            .findFirst()
            .orElseThrow();
    Instant at =
        Instant.ofEpochMilli((long) (bucketQuery.samples().get(0).timestampSeconds() * 1000));
    QueryResult theirs =
        source
            .client()
            .query(
                "histogram_quantile(0.9, " + bucketQuery.promql() + ")",
                at,
                System.nanoTime() + 5_000_000_000L);
    double ours =
        steady
            .deployments()
            .get(KEYS.get(MetricsPreset.VLLM))
            .signal(MetricSignal.TTFT_PERCENTILE)
            .value()
            .value();
    assertThat(theirs.samples()).hasSize(1);
    assertThat(ours).isCloseTo(theirs.samples().get(0).value() * 1000, within(1e-6));
  }

  private static void checkBacklog(
      MetricsPreset preset,
      DeploymentReading r,
      GroundTruth truth,
      long at,
      PrometheusMetricsSource source) {
    String p = preset.yamlName() + " ";
    long from = at - WINDOW.toNanos() / 1000;
    double arrivals = truth.arrivalRate(from, at);
    double completions = truth.completionRate(from, at);
    print("backlog", preset, r, truth, from, at);
    // the engines fall behind: completions understate demand by far
    assertThat(completions).as(p + "simulated completions").isLessThan(0.75 * arrivals);
    SignalReading rate = r.signal(MetricSignal.REQUEST_RATE);
    assertThat(rate.value().health()).isEqualTo(Health.OK);
    assertThat(rate.value().value())
        .as(
            p + "arrivals under a backlog (truth %.2f/s, completions %.2f/s): %s",
            arrivals,
            completions,
            rate.reason())
        .isCloseTo(arrivals, within(0.2 * arrivals));
    assertThat(rate.reason()).startsWith("arrivals = completions");
    // what a completion-based reading would have said
    double completionsRead =
        source
            .client()
            .query(rate.promql().get(0), Instant.now(), System.nanoTime() + 5_000_000_000L)
            .samples()
            .get(0)
            .value();
    assertThat(completionsRead).as(p + "completions read").isLessThan(0.75 * rate.value().value());
    // the 24 s range straddles the step from 3 to 12 req/s at 30 s: the plain variance-to-mean
    // ratio of the counts read 7–12 here (the step's 9 → 36 per interval is variance), the
    // neighbouring differences hold it once: about 3
    assertThat(allanFactor(r)).as(p + "Allan factor across a step of the rate").isLessThan(6.0);
  }

  /** The Allan factor the reading was scaled from, queried again. */
  private static double allanFactor(DeploymentReading r) {
    SignalReading d = r.signal(MetricSignal.ARRIVAL_CV2);
    assertThat(d.value().health()).as(d.reason()).isEqualTo(Health.OK);
    Matcher m = ALLAN.matcher(d.reason());
    assertThat(m.find()).as(d.reason()).isTrue();
    return Double.parseDouble(m.group(2));
  }

  /** The interval the arrival counts were taken over, in seconds. */
  private static int countingSeconds(DeploymentReading r) {
    Matcher m = ALLAN.matcher(r.signal(MetricSignal.ARRIVAL_CV2).reason());
    assertThat(m.find()).as(r.signal(MetricSignal.ARRIVAL_CV2).reason()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static void planFromWhatWasRead(
      List<SlaPolicy> policies, PerformanceProfile profile, PrometheusMetricsSource source)
      throws InterruptedException {
    List<Deployment> deployments =
        policies.stream().map(pol -> Deployment.of(pol, profile, profile)).toList();
    List<ScalingPlan> applied = new CopyOnWriteArrayList<>();
    ControlLoop loop =
        new ControlLoop(
                new Planner(),
                source,
                (policy, now) -> ReplicaStates.steady(1, 1),
                applied::add,
                deployments,
                Map.of(),
                Map.of())
            // about 46 s into the run: of the instants 30, 60, 90, 120 s back only the first holds
            // data
            .backfill(source, Duration.ofMinutes(2));
    List<TickReport> ticks = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ticks.add(loop.tick(Instant.now()));
      TimeUnit.MILLISECONDS.sleep(500);
    }
    TickReport first = ticks.get(0);
    assertThat(first.failures()).isEmpty();
    // the reader answers for a past instant (queries evaluated at time=t): the forecast is warmed
    // from what Prometheus held then, and the instants before the run read as no rate, not zero
    assertThat(first.backfills())
        .hasSize(deployments.size())
        .allSatisfy(
            b -> {
              System.out.println(b.describe());
              assertThat(b.asked()).as(b.describe()).isEqualTo(24);
              assertThat(b.readings()).as(b.describe()).isBetween(4, 10);
            });
    assertThat(ticks.get(1).backfills()).isEmpty();
    for (DeploymentKey key : KEYS.values()) {
      ScalingPlan plan = first.plan(key).orElseThrow();
      // 12 req/s of ~8000-token prompts against ~6 req/s per prefill engine: at least 3 engines
      assertThat(plan.decision(Role.PREFILL).target())
          .as(key + ": " + plan.decision(Role.PREFILL).targetWhy())
          .isGreaterThanOrEqualTo(3);
      assertThat(plan.decision(Role.PREFILL).targetWhy().toString()).doesNotContain("MISSING");
    }
    // advisory policies: the loop decides and reports, never writes
    assertThat(applied).isEmpty();
  }

  /** The read-back beside the truth, for the test log (numbers quoted in METRICS.md). */
  private static void print(
      String phase,
      MetricsPreset preset,
      DeploymentReading r,
      GroundTruth truth,
      long from,
      long at) {
    List<Done> done = truth.completedIn(from, at, Done::completion);
    System.out.printf(
        "%-7s %-6s arrivals %.2f/s (truth %.2f, completions %.2f) | ISL %.0f (truth %.0f) |"
            + " OSL %.1f (truth %.1f) | TTFT p90 %.1f ms %s (truth %.1f) | ITL p90 %.2f ms %s |"
            + " AF %.2f → c_a² %.2f | kv %s%n",
        phase,
        preset.yamlName(),
        r.snapshot().arrivalRate().value(),
        truth.arrivalRate(from, at),
        truth.completionRate(from, at),
        r.snapshot().inputTokensMean().value(),
        GroundTruth.mean(done, Done::isl),
        r.snapshot().outputTokensMean().value(),
        GroundTruth.mean(done, Done::osl),
        r.snapshot().ttftPercentileMillis().value(),
        r.signal(MetricSignal.TTFT_PERCENTILE).bucket().map(Object::toString).orElse(""),
        1000
            * GroundTruth.quantile(
                truth.completedIn(from, at, Done::firstToken), 0.9, Done::ttftSeconds, d -> 1),
        r.snapshot().itlPercentileMillis().value(),
        r.signal(MetricSignal.ITL_PERCENTILE).bucket().map(Object::toString).orElse(""),
        allanFactor(r),
        r.snapshot().arrivalCv2().value(),
        r.snapshot().kvCacheUsage().health());
  }

  private static String reason(DeploymentReading r, MetricSignal s) {
    return r.signal(s).reason();
  }
}

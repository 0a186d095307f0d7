package dev.tandem.simulations.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.MetricsPreset;
import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.arrivals.ArrayArrivals;
import dev.tandem.simulations.engine.ProgressListener;
import dev.tandem.simulations.engine.RealTimePacer;
import dev.tandem.simulations.engine.Simulation;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.engine.SimulationObserver;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The exporters serve each preset's exact metric names and labels, and their counters agree with
 * the simulation they watched (40 requests of ISL 1000 and OSL 100, one every 50 ms).
 */
class EngineMetricsExporterTest {

  static final int N = 40;

  private static String runAndScrape(MetricsPreset preset) throws Exception {
    try (EngineMetricsExporter exporter = EngineMetricsExporter.start(preset, "llama", 0)) {
      new Simulation(
              ArrayArrivals.evenlySpaced(N, 0, 50_000, 1000, 100).open(0),
              new StaticSplitPolicy(1, 1),
              SimulationConfig.of(
                  TestProfiles.h200(), SlaTargets.millis(90, 200, 90, 10), Duration.ofSeconds(60)),
              ProgressListener.NONE,
              exporter)
          .run();
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(exporter.metricsUri()).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      return r.body();
    }
  }

  /** The sum of every sample of {@code name} whose label text contains all {@code labels}. */
  private static double sum(String text, String name, String... labels) {
    double total = 0;
    Matcher m =
        Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
            .matcher(text);
    int found = 0;
    while (m.find()) {
      boolean all = true;
      for (String l : labels) {
        all &= m.group(1).contains(l);
      }
      if (all) {
        total += Double.parseDouble(m.group(2));
        found++;
      }
    }
    assertThat(found).as("samples of " + name + " with " + List.of(labels)).isPositive();
    return total;
  }

  @Test
  void vllmNamesLabelsAndCountsAcrossTwoDataParallelEngines() throws Exception {
    String text = runAndScrape(MetricsPreset.VLLM);
    assertThat(
            sum(
                text,
                "vllm:request_success_total",
                "finished_reason=\"length\"",
                "model_name=\"llama\""))
        .isEqualTo(N);
    assertThat(sum(text, "vllm:request_success_total", "engine=\"1\"")).isEqualTo(N / 2.0);
    assertThat(sum(text, "vllm:request_prompt_tokens_sum")).isEqualTo(N * 1000.0);
    assertThat(sum(text, "vllm:request_prompt_tokens_bucket", "le=\"1000.0\"")).isEqualTo(N);
    assertThat(sum(text, "vllm:request_prompt_tokens_bucket", "le=\"500.0\"")).isZero();
    assertThat(sum(text, "vllm:request_time_per_output_token_seconds_count")).isEqualTo(N);
    // per-token ITL: OSL − 1 = 99 gaps per request
    assertThat(sum(text, "vllm:inter_token_latency_seconds_count")).isEqualTo(N * 99.0);
    assertThat(sum(text, "vllm:time_to_first_token_seconds_count")).isEqualTo(N);
    assertThat(sum(text, "vllm:num_requests_running")).isZero();
    assertThat(sum(text, "vllm:num_requests_waiting")).isZero();
    assertThat(text).contains("# TYPE vllm:kv_cache_usage_perc gauge");
    assertThat(sum(text, "vllm:prompt_tokens_total")).isEqualTo(N * 1000.0);
    assertThat(sum(text, "vllm:prefix_cache_queries_total")).isEqualTo(N * 1000.0);
  }

  @Test
  void sglangNamesAndLabelFamilies() throws Exception {
    String text = runAndScrape(MetricsPreset.SGLANG);
    assertThat(
            sum(
                text,
                "sglang:num_requests_total",
                "engine_type=\"unified\"",
                "is_streaming=\"true\""))
        .isEqualTo(N);
    assertThat(sum(text, "sglang:num_running_reqs", "tp_rank=\"0\"", "pp_rank=\"0\"")).isZero();
    assertThat(sum(text, "sglang:num_queue_reqs", "tp_rank=\"0\"")).isZero();
    assertThat(sum(text, "sglang:prompt_tokens_histogram_count")).isEqualTo(N);
    assertThat(sum(text, "sglang:generation_tokens_histogram_sum")).isEqualTo(N * 100.0);
    assertThat(sum(text, "sglang:inter_token_latency_seconds_count")).isEqualTo(N * 99.0);
    assertThat(sum(text, "sglang:cached_tokens_total", "cache_source=\"device\"")).isZero();
    assertThat(text).contains("# TYPE sglang:token_usage gauge");
  }

  @Test
  void dynamoFrontendNamesAndNoKvGauge() throws Exception {
    String text = runAndScrape(MetricsPreset.DYNAMO);
    assertThat(
            sum(
                text,
                "dynamo_frontend_requests_total",
                "model=\"llama\"",
                "status=\"success\"",
                "endpoint=\"chat_completions\""))
        .isEqualTo(N);
    assertThat(sum(text, "dynamo_frontend_inflight_requests")).isZero();
    assertThat(sum(text, "dynamo_frontend_queued_requests")).isZero();
    assertThat(sum(text, "dynamo_frontend_input_sequence_tokens_sum")).isEqualTo(N * 1000.0);
    assertThat(sum(text, "dynamo_frontend_output_tokens_total")).isEqualTo(N * 100.0);
    assertThat(sum(text, "dynamo_frontend_time_to_first_token_seconds_count")).isEqualTo(N);
    assertThat(text).doesNotContain("kv_cache").doesNotContain("_created");
  }

  @Test
  void dynamoBucketsAreTheFrontendDefaults() {
    double[] ttft = Buckets.logSpaced(0.001, 480, 18);
    assertThat(ttft).hasSize(18);
    assertThat(ttft[0]).isEqualTo(0.001);
    assertThat(ttft[17]).isEqualTo(480);
    assertThat(Buckets.oneTwoFive(100)).containsExactly(1, 2, 5, 10, 20, 50, 100);
  }

  @Test
  void thePacerHoldsSimulatedTimeToTheWallClockAndTheObserversSeeEveryRequest() throws Exception {
    List<Long> arrivals = new ArrayList<>();
    List<Long> firstTokens = new ArrayList<>();
    SimulationObserver recorder =
        new SimulationObserver() {
          @Override
          public void completed(dev.tandem.simulations.cluster.SimRequest r) {}

          @Override
          public void arrived(dev.tandem.simulations.cluster.SimRequest r) {
            arrivals.add(r.arrivalMicros);
          }

          @Override
          public void firstToken(dev.tandem.simulations.cluster.SimRequest r) {
            firstTokens.add(r.firstTokenMicros);
          }
        };
    long start = System.nanoTime();
    new Simulation(
            ArrayArrivals.evenlySpaced(10, 0, 50_000, 1000, 10).open(0),
            new StaticSplitPolicy(1, 1),
            SimulationConfig.of(
                TestProfiles.h200(), SlaTargets.millis(90, 200, 90, 10), Duration.ofSeconds(60)),
            ProgressListener.NONE,
            SimulationObserver.all(List.of(new RealTimePacer(1.0), recorder)))
        .run();
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    // the last arrival is at 450 ms of simulated time: a paced run cannot be faster than that
    assertThat(tookMillis).isGreaterThanOrEqualTo(440);
    assertThat(arrivals).hasSize(10);
    assertThat(firstTokens).hasSize(10);
  }
}

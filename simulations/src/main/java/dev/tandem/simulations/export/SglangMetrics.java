package dev.tandem.simulations.export;

import dev.tandem.simulations.cluster.SimRequest;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * SGLang's metrics with their two label families: scheduler gauges ({@code model_name}, {@code
 * engine_type}, {@code tp_rank}, {@code pp_rank}, {@code moe_ep_rank}) and tokenizer request
 * metrics ({@code model_name}, {@code engine_type}, and {@code is_streaming} on some). The engine
 * is one unified (not disaggregated) server of TP 1; a request waits in the queue until its first
 * token. The per-token ITL histogram gets one observation per output-token gap, as SGLang's {@code
 * observe_inter_token_latency} does.
 */
final class SglangMetrics implements EngineMetrics {

  private static final String[] SCHED = {
    "model_name", "engine_type", "tp_rank", "pp_rank", "moe_ep_rank"
  };
  private static final String[] TOK = {"model_name", "engine_type"};
  private static final String[] TOK_STREAM = {"model_name", "engine_type", "is_streaming"};

  private final String model;
  private long running;
  private long queued;
  private final Gauge runningGauge;
  private final Gauge queueGauge;
  private final Gauge tokenUsage;
  private final Counter requests;
  private final Counter promptTokens;
  private final Counter generationTokens;
  private final Counter cachedTokens;
  private final Histogram promptHist;
  private final Histogram generationHist;
  private final Histogram ttft;
  private final Histogram itl;
  private final Histogram e2e;

  SglangMetrics(PrometheusRegistry registry, String model) {
    this.model = model;
    runningGauge =
        Gauge.builder()
            .name("sglang:num_running_reqs")
            .help("The number of running requests.")
            .labelNames(SCHED)
            .register(registry);
    queueGauge =
        Gauge.builder()
            .name("sglang:num_queue_reqs")
            .help("The number of requests in the waiting queue.")
            .labelNames(SCHED)
            .register(registry);
    tokenUsage =
        Gauge.builder()
            .name("sglang:token_usage")
            .help("The token usage.")
            .labelNames(SCHED)
            .register(registry);
    requests =
        Counter.builder()
            .name("sglang:num_requests")
            .help("Number of requests processed.")
            .labelNames(TOK_STREAM)
            .register(registry);
    promptTokens =
        Counter.builder()
            .name("sglang:prompt_tokens")
            .help("Number of prefill tokens processed.")
            .labelNames(TOK_STREAM)
            .register(registry);
    generationTokens =
        Counter.builder()
            .name("sglang:generation_tokens")
            .help("Number of generation tokens processed.")
            .labelNames(TOK_STREAM)
            .register(registry);
    cachedTokens =
        Counter.builder()
            .name("sglang:cached_tokens")
            .help("Number of cached prompt tokens.")
            .labelNames("model_name", "engine_type", "cache_source")
            .register(registry);
    double[] tokens = Buckets.sglangTokens();
    promptHist =
        histogram(
            registry,
            "sglang:prompt_tokens_histogram",
            "Histogram of prompt token length.",
            tokens,
            TOK);
    generationHist =
        histogram(
            registry,
            "sglang:generation_tokens_histogram",
            "Histogram of generation token length.",
            tokens,
            TOK);
    ttft =
        histogram(
            registry,
            "sglang:time_to_first_token_seconds",
            "Histogram of time to first token in seconds.",
            Buckets.SGLANG_TTFT,
            TOK_STREAM);
    itl =
        histogram(
            registry,
            "sglang:inter_token_latency_seconds",
            "Histogram of inter-token latency in seconds.",
            Buckets.SGLANG_ITL,
            TOK);
    e2e =
        histogram(
            registry,
            "sglang:e2e_request_latency_seconds",
            "Histogram of End-to-end request latency in seconds",
            Buckets.SGLANG_E2E,
            TOK_STREAM);
    publish();
  }

  private static Histogram histogram(
      PrometheusRegistry r, String name, String help, double[] b, String[] labels) {
    return Histogram.builder()
        .name(name)
        .help(help)
        .classicOnly()
        .classicUpperBounds(b)
        .labelNames(labels)
        .register(r);
  }

  private void publish() {
    runningGauge.labelValues(model, "unified", "0", "0", "0").set(running);
    queueGauge.labelValues(model, "unified", "0", "0", "0").set(queued);
  }

  @Override
  public void arrived(SimRequest r) {
    queued++;
    publish();
  }

  @Override
  public void firstToken(SimRequest r, double ttftSeconds) {
    queued--;
    running++;
    publish();
    ttft.labelValues(model, "unified", "true").observe(ttftSeconds);
  }

  @Override
  public void completed(SimRequest r, double e2eSeconds, double itlSeconds) {
    running--;
    publish();
    requests.labelValues(model, "unified", "true").inc();
    promptTokens.labelValues(model, "unified", "true").inc(r.inputTokens);
    generationTokens.labelValues(model, "unified", "true").inc(r.outputTokens);
    cachedTokens.labelValues(model, "unified", "device").inc(0);
    promptHist.labelValues(model, "unified").observe(r.inputTokens);
    generationHist.labelValues(model, "unified").observe(r.outputTokens);
    e2e.labelValues(model, "unified", "true").observe(e2eSeconds);
    if (!Double.isNaN(itlSeconds)) {
      DistributionDataPoint perToken = itl.labelValues(model, "unified");
      for (int i = 0; i < r.decodeTokens(); i++) {
        perToken.observe(itlSeconds);
      }
    }
  }

  @Override
  public void kvUsage(double fraction) {
    tokenUsage.labelValues(model, "unified", "0", "0", "0").set(Math.round(fraction * 100) / 100.0);
  }
}

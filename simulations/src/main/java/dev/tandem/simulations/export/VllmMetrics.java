package dev.tandem.simulations.export;

import dev.tandem.simulations.cluster.SimRequest;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * vLLM V1's engine metrics (labels {@code model_name}, {@code engine}). Requests are spread over
 * {@code dataParallel} engine cores by id, as a data-parallel API server would, so that readers
 * must sum over {@code engine}. A request is waiting until its first token, then running.
 */
final class VllmMetrics implements EngineMetrics {

  private static final String[] LABELS = {"model_name", "engine"};

  private final String model;
  private final int dataParallel;
  private final long[] running;
  private final long[] waiting;
  private final Gauge runningGauge;
  private final Gauge waitingGauge;
  private final Gauge kv;
  private final Counter success;
  private final Counter promptTokens;
  private final Counter generationTokens;
  private final Counter prefixQueries;
  private final Counter prefixHits;
  private final Histogram promptHist;
  private final Histogram generationHist;
  private final Histogram ttft;
  private final Histogram itl;
  private final Histogram tpot;
  private final Histogram e2e;

  VllmMetrics(PrometheusRegistry registry, String model, int dataParallel) {
    this.model = model;
    this.dataParallel = dataParallel;
    this.running = new long[dataParallel];
    this.waiting = new long[dataParallel];
    runningGauge =
        gauge(
            registry,
            "vllm:num_requests_running",
            "Number of requests in model execution batches.");
    waitingGauge =
        gauge(registry, "vllm:num_requests_waiting", "Number of requests waiting to be processed.");
    kv = gauge(registry, "vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.");
    success =
        Counter.builder()
            .name("vllm:request_success")
            .help("Count of successfully processed requests.")
            .labelNames("model_name", "engine", "finished_reason")
            .register(registry);
    promptTokens = counter(registry, "vllm:prompt_tokens", "Number of prefill tokens processed.");
    generationTokens =
        counter(registry, "vllm:generation_tokens", "Number of generation tokens processed.");
    prefixQueries =
        counter(registry, "vllm:prefix_cache_queries", "Prefix cache queries, in terms of tokens.");
    prefixHits =
        counter(registry, "vllm:prefix_cache_hits", "Prefix cache hits, in terms of tokens.");
    double[] tokens = Buckets.oneTwoFive(131_072);
    promptHist =
        histogram(
            registry, "vllm:request_prompt_tokens", "Number of prefill tokens processed.", tokens);
    generationHist =
        histogram(
            registry,
            "vllm:request_generation_tokens",
            "Number of generation tokens processed.",
            tokens);
    ttft =
        histogram(
            registry,
            "vllm:time_to_first_token_seconds",
            "Histogram of time to first token in seconds.",
            Buckets.VLLM_TTFT);
    itl =
        histogram(
            registry,
            "vllm:inter_token_latency_seconds",
            "Histogram of inter-token latency in seconds.",
            Buckets.VLLM_ITL);
    tpot =
        histogram(
            registry,
            "vllm:request_time_per_output_token_seconds",
            "Histogram of time_per_output_token_seconds per request.",
            Buckets.VLLM_ITL);
    e2e =
        histogram(
            registry,
            "vllm:e2e_request_latency_seconds",
            "Histogram of e2e request latency in seconds.",
            Buckets.VLLM_E2E);
    for (int e = 0; e < dataParallel; e++) {
      publish(e);
    }
  }

  private static Gauge gauge(PrometheusRegistry r, String name, String help) {
    return Gauge.builder().name(name).help(help).labelNames(LABELS).register(r);
  }

  private static Counter counter(PrometheusRegistry r, String name, String help) {
    return Counter.builder().name(name).help(help).labelNames(LABELS).register(r);
  }

  private static Histogram histogram(PrometheusRegistry r, String name, String help, double[] b) {
    return Histogram.builder()
        .name(name)
        .help(help)
        .classicOnly()
        .classicUpperBounds(b)
        .labelNames(LABELS)
        .register(r);
  }

  private int engine(SimRequest r) {
    return (int) (r.id % dataParallel);
  }

  private void publish(int e) {
    String engine = Integer.toString(e);
    runningGauge.labelValues(model, engine).set(running[e]);
    waitingGauge.labelValues(model, engine).set(waiting[e]);
  }

  @Override
  public void arrived(SimRequest r) {
    int e = engine(r);
    waiting[e]++;
    publish(e);
  }

  @Override
  public void firstToken(SimRequest r, double ttftSeconds) {
    int e = engine(r);
    waiting[e]--;
    running[e]++;
    publish(e);
    String engine = Integer.toString(e);
    ttft.labelValues(model, engine).observe(ttftSeconds);
    promptTokens.labelValues(model, engine).inc(r.inputTokens);
    prefixQueries.labelValues(model, engine).inc(r.inputTokens);
    prefixHits.labelValues(model, engine).inc(0);
  }

  @Override
  public void completed(SimRequest r, double e2eSeconds, double itlSeconds) {
    int e = engine(r);
    running[e]--;
    publish(e);
    String engine = Integer.toString(e);
    success.labelValues(model, engine, "length").inc();
    generationTokens.labelValues(model, engine).inc(r.outputTokens);
    promptHist.labelValues(model, engine).observe(r.inputTokens);
    generationHist.labelValues(model, engine).observe(r.outputTokens);
    e2e.labelValues(model, engine).observe(e2eSeconds);
    if (!Double.isNaN(itlSeconds)) {
      tpot.labelValues(model, engine).observe(itlSeconds);
      DistributionDataPoint perToken = itl.labelValues(model, engine);
      for (int i = 0; i < r.decodeTokens(); i++) {
        perToken.observe(itlSeconds);
      }
    }
  }

  @Override
  public void kvUsage(double fraction) {
    for (int e = 0; e < dataParallel; e++) {
      kv.labelValues(model, Integer.toString(e)).set(fraction);
    }
  }
}

package dev.tandem.simulations.export;

import dev.tandem.simulations.cluster.SimRequest;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The Dynamo frontend's metrics (label {@code model}): {@code requests_total} counted when a
 * request finishes, {@code inflight_requests} from entry to the last token, {@code queued_requests}
 * from entry to the first token, and the log-spaced histograms with the frontend's default bounds.
 * It exports no KV-cache usage ({@link #kvUsage} is ignored), as the real frontend does not.
 */
final class DynamoFrontendMetrics implements EngineMetrics {

  private final String model;
  private long inflight;
  private long queued;
  private final Gauge inflightGauge;
  private final Gauge queuedGauge;
  private final Counter requests;
  private final Counter outputTokens;
  private final Histogram ttft;
  private final Histogram itl;
  private final Histogram duration;
  private final Histogram inputSeq;
  private final Histogram outputSeq;
  private final Histogram cached;

  DynamoFrontendMetrics(PrometheusRegistry registry, String model) {
    this.model = model;
    inflightGauge =
        Gauge.builder()
            .name("dynamo_frontend_inflight_requests")
            .help("Number of inflight requests")
            .labelNames("model")
            .register(registry);
    queuedGauge =
        Gauge.builder()
            .name("dynamo_frontend_queued_requests")
            .help("Number of requests in HTTP processing queue")
            .labelNames("model")
            .register(registry);
    requests =
        Counter.builder()
            .name("dynamo_frontend_requests")
            .help("Total number of LLM requests processed")
            .labelNames("model", "endpoint", "request_type", "status", "error_type")
            .register(registry);
    outputTokens =
        Counter.builder()
            .name("dynamo_frontend_output_tokens")
            .help("Total number of output tokens generated")
            .labelNames("model")
            .register(registry);
    ttft =
        histogram(
            registry,
            "dynamo_frontend_time_to_first_token_seconds",
            "Time to first token in seconds",
            Buckets.logSpaced(0.001, 480, 18));
    itl =
        histogram(
            registry,
            "dynamo_frontend_inter_token_latency_seconds",
            "Inter-token latency in seconds",
            Buckets.logSpaced(0.001, 2.0, 13));
    duration =
        histogram(
            registry,
            "dynamo_frontend_request_duration_seconds",
            "Duration of LLM requests",
            Buckets.logSpaced(1.0, 512, 10));
    inputSeq =
        histogram(
            registry,
            "dynamo_frontend_input_sequence_tokens",
            "Input sequence length in tokens",
            Buckets.logSpaced(50, 128_000, 12));
    outputSeq =
        histogram(
            registry,
            "dynamo_frontend_output_sequence_tokens",
            "Output sequence length in tokens",
            Buckets.logSpaced(50, 32_000, 10));
    cached =
        histogram(
            registry,
            "dynamo_frontend_cached_tokens",
            "Number of cached tokens (prefix cache hits) per request",
            Buckets.logSpaced(50, 128_000, 12));
    publish();
  }

  private static Histogram histogram(PrometheusRegistry r, String name, String help, double[] b) {
    return Histogram.builder()
        .name(name)
        .help(help)
        .classicOnly()
        .classicUpperBounds(b)
        .labelNames("model")
        .register(r);
  }

  private void publish() {
    inflightGauge.labelValues(model).set(inflight);
    queuedGauge.labelValues(model).set(queued);
  }

  @Override
  public void arrived(SimRequest r) {
    inflight++;
    queued++;
    publish();
  }

  @Override
  public void firstToken(SimRequest r, double ttftSeconds) {
    queued--;
    publish();
    ttft.labelValues(model).observe(ttftSeconds);
    inputSeq.labelValues(model).observe(r.inputTokens);
    cached.labelValues(model).observe(0);
  }

  @Override
  public void completed(SimRequest r, double e2eSeconds, double itlSeconds) {
    inflight--;
    publish();
    requests.labelValues(model, "chat_completions", "stream", "success", "").inc();
    outputTokens.labelValues(model).inc(r.outputTokens);
    outputSeq.labelValues(model).observe(r.outputTokens);
    duration.labelValues(model).observe(e2eSeconds);
    if (!Double.isNaN(itlSeconds)) {
      DistributionDataPoint perToken = itl.labelValues(model);
      for (int i = 0; i < r.decodeTokens(); i++) {
        perToken.observe(itlSeconds);
      }
    }
  }

  @Override
  public void kvUsage(double fraction) {}
}

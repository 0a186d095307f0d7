package dev.tandem.metrics;

import dev.tandem.config.policy.MetricsPreset;
import java.util.List;
import java.util.Optional;

/**
 * The metric names of one serving stack, exactly as its current source exposes them (see METRICS.md
 * for the commits they were read at), and the fixed matchers each family needs.
 *
 * @param preset which stack
 * @param completions counter incremented when a request finishes (no stack counts arrivals)
 * @param inFlight gauges whose sum is the requests in flight (running + waiting, or the frontend's
 *     in-flight gauge)
 * @param queue gauge of requests waiting for an engine
 * @param kvUsage gauge of KV-cache usage in [0, 1], absent when the stack exports none
 * @param prefixHits counter (or histogram {@code _sum}) of prompt tokens served from the cache
 * @param prefixQueries counter (or histogram {@code _sum}) of prompt tokens looked up
 * @param inputTokens histogram of prompt tokens per request (base name)
 * @param outputTokens histogram of output tokens per request (base name)
 * @param ttft TTFT histogram, seconds (base name)
 * @param itl ITL histogram, seconds (base name)
 * @param itlPerRequest true when {@code itl} has one observation per request (its mean gap, the
 *     SLA's ITL); false when it has one per token, which weights long requests more
 * @param freshness the gauge whose newest sample tells how old the deployment's data are
 */
public record Preset(
    MetricsPreset preset,
    Metric completions,
    List<Metric> inFlight,
    Metric queue,
    Optional<Metric> kvUsage,
    Metric prefixHits,
    Metric prefixQueries,
    Metric inputTokens,
    Metric outputTokens,
    Metric ttft,
    Metric itl,
    boolean itlPerRequest,
    Metric freshness) {

  /**
   * A metric name and the matchers the preset always adds to it (e.g. SGLang's {@code
   * tp_rank=~"|0"}).
   */
  public record Metric(String name, String fixedMatchers) {
    static Metric of(String name) {
      return new Metric(name, "");
    }
  }

  /** vLLM V1 engine metrics, labels {@code model_name} and {@code engine} (summed over). */
  static final Preset VLLM = vllm(MetricsPreset.VLLM);

  /**
   * llm-d: vLLM engines behind llm-d's inference gateway; the engines' own {@code vllm:*} metrics
   * are read (the gateway counts no arrivals either).
   */
  static final Preset LLM_D = vllm(MetricsPreset.LLM_D);

  /**
   * SGLang: scheduler gauges carry {@code tp_rank} (read rank 0 only, or absent, so TP does not
   * multiply them); request metrics of a disaggregated prefill server are left out ({@code
   * engine_type!="prefill"}) so a request is counted once.
   */
  static final Preset SGLANG =
      new Preset(
          MetricsPreset.SGLANG,
          new Metric("sglang:num_requests_total", "engine_type!=\"prefill\""),
          List.of(
              new Metric("sglang:num_running_reqs", "tp_rank=~\"|0\""),
              new Metric("sglang:num_queue_reqs", "tp_rank=~\"|0\"")),
          new Metric("sglang:num_queue_reqs", "tp_rank=~\"|0\""),
          Optional.of(new Metric("sglang:token_usage", "tp_rank=~\"|0\"")),
          new Metric("sglang:cached_tokens_total", "engine_type!=\"prefill\""),
          new Metric("sglang:prompt_tokens_total", "engine_type!=\"prefill\""),
          new Metric("sglang:prompt_tokens_histogram", "engine_type!=\"prefill\""),
          new Metric("sglang:generation_tokens_histogram", "engine_type!=\"prefill\""),
          new Metric("sglang:time_to_first_token_seconds", "engine_type!=\"prefill\""),
          new Metric("sglang:inter_token_latency_seconds", "engine_type!=\"prefill\""),
          false,
          new Metric("sglang:num_running_reqs", "tp_rank=~\"|0\""));

  /**
   * The Dynamo frontend ({@code dynamo_frontend_*}, label {@code model}): it counts requests when
   * they finish and holds them in flight from HTTP entry to the last byte. It exports no KV usage.
   */
  static final Preset DYNAMO =
      new Preset(
          MetricsPreset.DYNAMO,
          Metric.of("dynamo_frontend_requests_total"),
          List.of(Metric.of("dynamo_frontend_inflight_requests")),
          Metric.of("dynamo_frontend_queued_requests"),
          Optional.empty(),
          Metric.of("dynamo_frontend_cached_tokens_sum"),
          Metric.of("dynamo_frontend_input_sequence_tokens_sum"),
          Metric.of("dynamo_frontend_input_sequence_tokens"),
          Metric.of("dynamo_frontend_output_sequence_tokens"),
          Metric.of("dynamo_frontend_time_to_first_token_seconds"),
          Metric.of("dynamo_frontend_inter_token_latency_seconds"),
          false,
          Metric.of("dynamo_frontend_inflight_requests"));

  private static Preset vllm(MetricsPreset which) {
    return new Preset(
        which,
        Metric.of("vllm:request_success_total"),
        List.of(Metric.of("vllm:num_requests_running"), Metric.of("vllm:num_requests_waiting")),
        Metric.of("vllm:num_requests_waiting"),
        Optional.of(Metric.of("vllm:kv_cache_usage_perc")),
        Metric.of("vllm:prefix_cache_hits_total"),
        Metric.of("vllm:prefix_cache_queries_total"),
        Metric.of("vllm:request_prompt_tokens"),
        Metric.of("vllm:request_generation_tokens"),
        Metric.of("vllm:time_to_first_token_seconds"),
        Metric.of("vllm:request_time_per_output_token_seconds"),
        true,
        Metric.of("vllm:num_requests_running"));
  }

  /** The metric names a query reads, for the doctor's label probes. */
  public List<String> metricsOf(QueryKind kind) {
    return switch (kind) {
      case COMPLETIONS, SCRAPE_SPACING -> List.of(completions().name());
      case IN_FLIGHT_CHANGE -> inFlight().stream().map(Metric::name).toList();
      case ARRIVAL_DISPERSION -> List.of(completions().name(), inFlight().get(0).name());
      case INPUT_TOKENS_SUM, INPUT_TOKENS_BUCKETS -> List.of(inputTokens().name() + "_count");
      case OUTPUT_TOKENS_SUM, OUTPUT_TOKENS_BUCKETS -> List.of(outputTokens().name() + "_count");
      case TTFT_BUCKETS -> List.of(ttft().name() + "_count");
      case ITL_BUCKETS -> List.of(itl().name() + "_count");
      case KV_CACHE_USAGE -> kvUsage().map(m -> List.of(m.name())).orElse(List.of());
      case QUEUE_DEPTH -> List.of(queue().name());
      case PREFIX_CACHE_HIT_RATE -> List.of(prefixQueries().name());
      case FRESHNESS -> List.of(freshness().name());
    };
  }

  public static Preset of(MetricsPreset preset) {
    return switch (preset) {
      case VLLM -> VLLM;
      case LLM_D -> LLM_D;
      case SGLANG -> SGLANG;
      case DYNAMO -> DYNAMO;
    };
  }
}

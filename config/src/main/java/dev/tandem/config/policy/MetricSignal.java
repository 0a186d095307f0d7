package dev.tandem.config.policy;

/**
 * The signals Tandem reads from Prometheus for one deployment; the names are the keys of {@code
 * spec.metrics.queries}, where a policy may override a preset's PromQL. The one list of signal
 * names: the metrics adapter and the planner's {@code MetricsSnapshot} follow it.
 */
public enum MetricSignal implements Keyword {
  /** Request arrivals per second (arrivals, not completions). */
  REQUEST_RATE("requestRate"),
  /** Mean input (prompt) length, tokens. */
  INPUT_TOKENS_MEAN("inputTokensMean"),
  /** Second moment E[ISL²] of the input length, tokens². */
  INPUT_TOKENS_SECOND_MOMENT("inputTokensSecondMoment"),
  /** Mean output length, tokens. */
  OUTPUT_TOKENS_MEAN("outputTokensMean"),
  /** Second moment E[OSL²] of the output length, tokens². */
  OUTPUT_TOKENS_SECOND_MOMENT("outputTokensSecondMoment"),
  /** Squared coefficient of variation of inter-arrival times (1 for Poisson), dimensionless. */
  ARRIVAL_CV2("arrivalCv2"),
  /** Observed TTFT at the policy's percentile, seconds. */
  TTFT_PERCENTILE("ttftPercentile"),
  /** Observed ITL at the policy's percentile, seconds. */
  ITL_PERCENTILE("itlPercentile"),
  /** KV-cache usage of the decode engines, fraction in [0, 1]. */
  KV_CACHE_USAGE("kvCacheUsage"),
  /** Requests waiting for an engine, requests. */
  QUEUE_DEPTH("queueDepth"),
  /** Share of prompt tokens served from the prefix cache, fraction in [0, 1]. */
  PREFIX_CACHE_HIT_RATE("prefixCacheHitRate");

  private final String yamlName;

  MetricSignal(String yamlName) {
    this.yamlName = yamlName;
  }

  @Override
  public String yamlName() {
    return yamlName;
  }
}

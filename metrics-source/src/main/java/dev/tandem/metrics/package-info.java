/**
 * Prometheus HTTP API adapter implementing the planner's {@code MetricsSource}: PromQL presets for
 * vLLM, SGLang, the Dynamo frontend and llm-d, batched per tick, with health as data (OK, STALE,
 * MISSING and a reason for each signal). Entry points: {@link
 * dev.tandem.metrics.PrometheusMetricsSource} and {@link dev.tandem.metrics.PrometheusSettings};
 * METRICS.md in the module describes every query and derivation.
 */
package dev.tandem.metrics;

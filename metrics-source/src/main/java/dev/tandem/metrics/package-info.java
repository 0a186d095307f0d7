/**
 * Prometheus HTTP API adapter implementing the planner's {@code MetricsSource}: PromQL presets for
 * vLLM, SGLang, the Dynamo frontend and llm-d, with staleness and error semantics. Filled by a
 * later issue.
 */
package dev.tandem.metrics;

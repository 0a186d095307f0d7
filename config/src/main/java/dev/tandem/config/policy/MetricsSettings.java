package dev.tandem.config.policy;

import java.time.Duration;
import java.util.Map;

/**
 * Where the deployment's signals come from.
 *
 * @param preset the PromQL family; default {@link MetricsPreset#VLLM}
 * @param window the range of rates and histogram quantiles ({@code [1m]}), at least 10s (a rate
 *     needs two scrapes); default 1m
 * @param labels label matchers added to every preset query, e.g. {@code model_name="..."}; names
 *     are Prometheus label names, values are matched exactly
 * @param queries PromQL that replaces the preset's query of a signal
 */
public record MetricsSettings(
    MetricsPreset preset,
    Duration window,
    Map<String, String> labels,
    Map<MetricSignal, String> queries) {

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
  public static final Duration MIN_WINDOW = Duration.ofSeconds(10);

  public MetricsSettings {
    Check.present("preset", preset);
    Check.present("window", window);
    Check.valid("window", Check.atLeast(window, MIN_WINDOW));
    labels.keySet().forEach(k -> Check.valid("labels", Names.prometheusLabel(k)));
    queries.forEach((k, v) -> Check.valid("queries." + k.yamlName(), Names.notBlank(v)));
    labels = Map.copyOf(labels);
    queries = Map.copyOf(queries);
  }

  public static MetricsSettings defaults() {
    return new MetricsSettings(MetricsPreset.VLLM, DEFAULT_WINDOW, Map.of(), Map.of());
  }
}

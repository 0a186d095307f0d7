package dev.tandem.metrics;

import java.util.Map;

/**
 * One series of an instant-vector result: its labels, its value (NaN and ±Inf kept as they came)
 * and the evaluation timestamp Prometheus reported, seconds since the epoch.
 */
public record Sample(Map<String, String> labels, double value, double timestampSeconds) {

  public Sample {
    labels = Map.copyOf(labels);
  }

  public String label(String name) {
    return labels.getOrDefault(name, "");
  }
}

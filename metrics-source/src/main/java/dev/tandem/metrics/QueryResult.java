package dev.tandem.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one PromQL query returned: the series, or why there are none to trust. A failure is a value
 * (HTTP status, Prometheus' own error text, timeout, refused connection, deadline), never zero.
 *
 * @param promql the query as sent
 * @param samples the series of an instant vector (a scalar result is one series without labels)
 * @param failure why the query produced no usable answer; empty on success
 * @param attempts HTTP attempts made (0 when the tick deadline had already passed)
 */
public record QueryResult(
    String promql, List<Sample> samples, Optional<String> failure, int attempts) {

  public QueryResult {
    Objects.requireNonNull(promql, "promql");
    samples = List.copyOf(samples);
    Objects.requireNonNull(failure, "failure");
  }

  static QueryResult success(String promql, List<Sample> samples, int attempts) {
    return new QueryResult(promql, samples, Optional.empty(), attempts);
  }

  static QueryResult failed(String promql, String why, int attempts) {
    return new QueryResult(promql, List.of(), Optional.of(why), attempts);
  }

  public boolean ok() {
    return failure.isEmpty();
  }
}

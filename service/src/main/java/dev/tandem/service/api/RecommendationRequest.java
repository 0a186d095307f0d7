package dev.tandem.service.api;

import java.util.List;

/**
 * The body of {@code POST /v1/recommendations}. Exactly one of {@code policy} (a running policy by
 * name) and {@code policyYaml} (a policy given inline, YAML or JSON text) is required.
 *
 * @param policy a running policy by name (namespace optional when the name is unique)
 * @param policyYaml an inline policy document; relative profile paths resolve against the policy
 *     directory; with several policies in it, {@code policy.name} chooses
 * @param load the load to size for
 * @param current current replicas (default: the minimums)
 * @param observed latencies observed at the current size, echoed beside the prediction
 */
public record RecommendationRequest(
    PolicyRef policy, String policyYaml, LoadSpec load, Current current, Observed observed) {

  /** A policy by name. */
  public record PolicyRef(String namespace, String name) {}

  /**
   * A load: a point ({@code rate}, {@code isl}, {@code osl}) or a short {@code series} of points,
   * sized for its peak rate at the rate-weighted mean lengths.
   */
  public record LoadSpec(
      Double rate,
      Double isl,
      Double osl,
      Double islCv,
      Double oslCv,
      Double arrivalCv2,
      Double prefixHitRate,
      List<Point> series) {}

  /** One point of a series. */
  public record Point(Double rate, Double isl, Double osl) {}

  /** Current replicas per role. */
  public record Current(Integer prefill, Integer decode) {}

  /** Observed latency percentiles at the current size (at the policy's percentiles), ms. */
  public record Observed(Double ttftMillis, Double itlMillis) {}
}

package dev.tandem.service.api;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code POST /v1/recommendations}: per role the next step (what the loop would write
 * now, within the step limit) and the size the SLA needs, each with its reason, the predicted
 * latency percentile at both sizes, GPUs, and every reason as text. Nothing is ever written.
 */
public record RecommendationView(
    String deployment,
    String mode,
    boolean dryRun,
    Instant at,
    LoadView load,
    List<RoleView> roles,
    GpusView gpus,
    ObservedView observed,
    List<String> reasons) {

  /** The load planned for and where it came from. */
  public record LoadView(
      double rate,
      double isl,
      double osl,
      double islCv,
      double oslCv,
      double arrivalCv2,
      double prefixHitRate,
      String source) {}

  /** One role. */
  public record RoleView(
      String role,
      int gpusPerReplica,
      int current,
      Step nextStep,
      Step slaSized,
      Prediction predicted,
      Prediction predictedAtSlaSize,
      double correction) {}

  /** A replica count and why. */
  public record Step(int replicas, String reason, String message) {}

  /**
   * A predicted percentile; {@code millis} is null when the role would be overloaded ({@code
   * overloaded} true).
   */
  public record Prediction(
      String signal,
      double percentile,
      int replicas,
      Double millis,
      boolean overloaded,
      String reason,
      String message) {}

  /** GPUs at the next step and at the SLA size. */
  public record GpusView(int nextStep, int slaSized, int budget, String message) {}

  /** The observed latencies echoed beside the predictions at the current size. */
  public record ObservedView(Double ttftMillis, Double itlMillis, String note) {}
}

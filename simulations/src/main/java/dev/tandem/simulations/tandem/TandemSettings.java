package dev.tandem.simulations.tandem;

import dev.tandem.config.policy.ForecastModel;
import java.time.Duration;

/**
 * The knobs of the {@code SlaPolicy} Tandem runs with in the simulator; everything else comes from
 * the scenario (SLA, profile, start-up time). The defaults are the policy defaults a user gets
 * (config/POLICY.md), with a budget large enough not to bind.
 *
 * @param prefillInterval time between prefill decisions (default 30 s)
 * @param decodeInterval time between decode decisions (default 60 s)
 * @param prefillStabilization prefill scale-down window (default 5 min)
 * @param decodeStabilization decode scale-down window (default 10 min)
 * @param budgetGpus the deployment's {@code maxGpus} (default 1024: does not bind)
 * @param maxReplicas each role's {@code maxReplicas} (default 256)
 * @param model the forecaster ({@code auto}: the forecasting module's selector)
 * @param quantile the forecast quantile the roles are sized for (default 0.9)
 * @param window the metrics window (default 1 min)
 */
public record TandemSettings(
    Duration prefillInterval,
    Duration decodeInterval,
    Duration prefillStabilization,
    Duration decodeStabilization,
    int budgetGpus,
    int maxReplicas,
    ForecastModel model,
    double quantile,
    Duration window) {

  public static TandemSettings defaults() {
    return new TandemSettings(
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        1024,
        256,
        ForecastModel.AUTO,
        0.9,
        Duration.ofMinutes(1));
  }

  public TandemSettings withModel(ForecastModel m) {
    return new TandemSettings(
        prefillInterval,
        decodeInterval,
        prefillStabilization,
        decodeStabilization,
        budgetGpus,
        maxReplicas,
        m,
        quantile,
        window);
  }

  public TandemSettings withBudget(int gpus) {
    return new TandemSettings(
        prefillInterval,
        decodeInterval,
        prefillStabilization,
        decodeStabilization,
        gpus,
        maxReplicas,
        model,
        quantile,
        window);
  }

  public TandemSettings withStabilization(Duration prefill, Duration decode) {
    return new TandemSettings(
        prefillInterval,
        decodeInterval,
        prefill,
        decode,
        budgetGpus,
        maxReplicas,
        model,
        quantile,
        window);
  }

  public TandemSettings withIntervals(Duration prefill, Duration decode) {
    return new TandemSettings(
        prefill,
        decode,
        prefillStabilization,
        decodeStabilization,
        budgetGpus,
        maxReplicas,
        model,
        quantile,
        window);
  }
}

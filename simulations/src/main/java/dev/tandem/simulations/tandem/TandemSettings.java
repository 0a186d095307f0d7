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
    return edit(e -> e.model = m);
  }

  public TandemSettings withMaxReplicas(int max) {
    return edit(e -> e.maxReplicas = max);
  }

  public TandemSettings withBudget(int gpus) {
    return edit(e -> e.budgetGpus = gpus);
  }

  public TandemSettings withStabilization(Duration prefill, Duration decode) {
    return edit(
        e -> {
          e.prefillStabilization = prefill;
          e.decodeStabilization = decode;
        });
  }

  public TandemSettings withIntervals(Duration prefill, Duration decode) {
    return edit(
        e -> {
          e.prefillInterval = prefill;
          e.decodeInterval = decode;
        });
  }

  /** The same settings sized for another forecast quantile (Tandem's own cost/attainment knob). */
  public TandemSettings withQuantile(double q) {
    return edit(e -> e.quantile = q);
  }

  private TandemSettings edit(java.util.function.Consumer<Editor> change) {
    Editor e = new Editor(this);
    change.accept(e);
    return new TandemSettings(
        e.prefillInterval,
        e.decodeInterval,
        e.prefillStabilization,
        e.decodeStabilization,
        e.budgetGpus,
        e.maxReplicas,
        e.model,
        e.quantile,
        e.window);
  }

  /** A mutable copy for {@link #edit}: each wither names only the fields it changes. */
  private static final class Editor {
    Duration prefillInterval;
    Duration decodeInterval;
    Duration prefillStabilization;
    Duration decodeStabilization;
    int budgetGpus;
    int maxReplicas;
    ForecastModel model;
    double quantile;
    Duration window;

    Editor(TandemSettings s) {
      prefillInterval = s.prefillInterval;
      decodeInterval = s.decodeInterval;
      prefillStabilization = s.prefillStabilization;
      decodeStabilization = s.decodeStabilization;
      budgetGpus = s.budgetGpus;
      maxReplicas = s.maxReplicas;
      model = s.model;
      quantile = s.quantile;
      window = s.window;
    }
  }
}

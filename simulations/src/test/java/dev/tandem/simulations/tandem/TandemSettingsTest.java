package dev.tandem.simulations.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.ForecastModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each wither changes the fields it names and nothing else. */
class TandemSettingsTest {

  private final TandemSettings d = TandemSettings.defaults();

  @Test
  void eachWitherChangesOnlyItsFields() {
    assertThat(d.withModel(ForecastModel.EWMA))
        .isEqualTo(
            new TandemSettings(
                d.prefillInterval(),
                d.decodeInterval(),
                d.prefillStabilization(),
                d.decodeStabilization(),
                d.budgetGpus(),
                d.maxReplicas(),
                ForecastModel.EWMA,
                d.quantile(),
                d.window()));
    TandemSettings s =
        d.withBudget(64)
            .withStabilization(Duration.ofMinutes(2), Duration.ofMinutes(3))
            .withIntervals(Duration.ofSeconds(20), Duration.ofSeconds(40))
            .withQuantile(0.75);
    assertThat(s)
        .isEqualTo(
            new TandemSettings(
                Duration.ofSeconds(20),
                Duration.ofSeconds(40),
                Duration.ofMinutes(2),
                Duration.ofMinutes(3),
                64,
                d.maxReplicas(),
                d.model(),
                0.75,
                d.window()));
  }
}

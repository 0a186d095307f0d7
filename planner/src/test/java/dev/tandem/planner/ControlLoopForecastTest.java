package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.ForecastModel;
import dev.tandem.config.policy.ForecastSettings;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.planner.testing.FakeMetricsSource;
import dev.tandem.planner.testing.ManualClock;
import dev.tandem.planner.testing.RecordingActuator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The loop's default forecaster follows each policy's {@code forecast.model}. */
class ControlLoopForecastTest {

  private final ManualClock clock = ManualClock.atEpoch2025();
  private final FakeMetricsSource metrics = new FakeMetricsSource();

  private Deployment deployment(String name, ForecastModel model) {
    SlaPolicy p = Sim.grove(name, Optional.empty());
    SlaPolicy withModel =
        new SlaPolicy(
            p.name(),
            p.namespace(),
            p.mode(),
            p.sla(),
            p.roles(),
            p.budget(),
            p.behavior(),
            new ForecastSettings(model, Optional.empty(), 0.9),
            p.metrics(),
            p.origin(),
            p.nameLocation());
    Deployment d = Deployment.of(withModel, Examples.h200(), Examples.h200());
    metrics.set(
        d.key(),
        (key, at) ->
            MetricsSnapshot.builder(key, at)
                .arrivalRate(20)
                .inputTokens(3000, 9e6)
                .outputTokens(300, 9e4)
                .arrivalCv2(1)
                .build());
    return d;
  }

  @Test
  void autoRunsTheSelectorAndANamedModelRunsThatModel() {
    Deployment auto = deployment("auto", ForecastModel.AUTO);
    Deployment ewma = deployment("ewma", ForecastModel.EWMA);
    ControlLoop loop =
        new ControlLoop(
            new Planner(),
            metrics,
            (policy, now) -> ReplicaStates.steady(2, 2),
            new RecordingActuator(),
            List.of(auto, ewma),
            Map.of(),
            Map.of());
    TickReport first = loop.tick(clock.step(Duration.ofSeconds(30)));
    assertThat(first.plans()).hasSize(2);
    assertThat(first.plans().get(0).prefillForecast().reason()).startsWith("cold start (");
    for (int i = 0; i < 60; i++) {
      loop.tick(clock.step(Duration.ofSeconds(30)));
    }
    assertThat(loop.histories().get(auto.key()).forecast().model())
        .isEqualTo("forecasting-selector");
    assertThat(loop.histories().get(ewma.key()).forecast().model()).isEqualTo("forecasting-ewma");
    TickReport later = loop.tick(clock.step(Duration.ofSeconds(30)));
    assertThat(later.plans())
        .allSatisfy(p -> assertThat(p.prefillForecast().reason()).doesNotStartWith("cold start"));
  }
}

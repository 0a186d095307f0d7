package dev.tandem.simulations.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.simulations.scenario.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmUpScenarioTest {

  @Test
  void aGeneratedLoadIsJudgedAfterItsWarmUp() {
    Scenario s =
        ScenarioCatalog.withWarmUp(
            ScenarioCatalog.build("dynamo-sinusoid", ScenarioCatalogTest.options()),
            Duration.ofHours(1));

    assertThat(s.config().measureFromMicros()).isEqualTo(3_600_000_000L);
    assertThat(s.config().horizonMicros()).isEqualTo(7_200_000_000L);
    assertThat(s.description()).contains("judged after a warm-up of 60 min of the same load");
  }

  @Test
  void aReplayedTraceOrAPartialPeriodIsRefused() {
    Scenario code = ScenarioCatalog.build("azure-code", ScenarioCatalogTest.options());
    assertThatThrownBy(() -> ScenarioCatalog.withWarmUp(code, Duration.ofHours(1)))
        .hasMessageContaining("needs a generated load")
        .hasMessageContaining("show every policy the future");
    Scenario sinusoid = ScenarioCatalog.build("dynamo-sinusoid", ScenarioCatalogTest.options());
    assertThatThrownBy(() -> ScenarioCatalog.withWarmUp(sinusoid, Duration.ofMinutes(15)))
        .hasMessageContaining("whole number of the load's 10-minute periods, at most its 60");
    assertThatThrownBy(() -> ScenarioCatalog.withWarmUp(sinusoid, Duration.ofHours(2)))
        .hasMessageContaining("at most its 60 minutes, got 7200 s");
  }
}

package dev.tandem.service.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.metrics.PrometheusSettings;
import dev.tandem.service.ServiceSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PrometheusSettingsBindingTest {

  private static ServiceSettings.Prometheus bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("tandem.prometheus", ServiceSettings.Prometheus.class);
  }

  @Test
  void theBurstinessIntervalDefaultsToTheReadersAndCanBeRaisedForASlowScrape() {
    PrometheusSettings defaults = ClusterAdapterConfiguration.prometheus(bind(Map.of()));
    assertThat(defaults.dispersionInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.dispersionRange()).isEqualTo(Duration.ofMinutes(10));

    PrometheusSettings slow =
        ClusterAdapterConfiguration.prometheus(
            bind(
                Map.of(
                    "tandem.prometheus.dispersion-interval", "60s",
                    "tandem.prometheus.dispersion-range", "30m",
                    "tandem.prometheus.timeout", "2s")));
    assertThat(slow.dispersionInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(slow.dispersionRange()).isEqualTo(Duration.ofMinutes(30));
    assertThat(slow.timeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aRangeTooShortForTheIntervalIsRefusedWithBothValues() {
    assertThatThrownBy(
            () ->
                ClusterAdapterConfiguration.prometheus(
                    bind(
                        Map.of(
                            "tandem.prometheus.dispersion-interval", "60s",
                            "tandem.prometheus.dispersion-range", "2m"))))
        .hasMessageContaining("dispersionRange must hold at least 3 intervals")
        .hasMessageContaining("PT1M")
        .hasMessageContaining("PT2M");
  }
}

package dev.tandem.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("200ms", Duration.ofMillis(200)),
        Arguments.of("30s", Duration.ofSeconds(30)),
        Arguments.of("3m", Duration.ofMinutes(3)),
        Arguments.of("1h30m", Duration.ofMinutes(90)),
        Arguments.of("1m30s", Duration.ofSeconds(90)),
        Arguments.of("1.5s", Duration.ofMillis(1500)),
        Arguments.of("0s", Duration.ZERO),
        Arguments.of(" 10s ", Duration.ofSeconds(10)),
        Arguments.of("PT3M", Duration.ofMinutes(3)),
        Arguments.of("PT0.2S", Duration.ofMillis(200)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesKubernetesAndIsoForms(String text, Duration expected) {
    assertThat(Durations.parse(text)).contains(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "200", "200 ms", "3 minutes", "-5ms", "5d", "ms", "1h 30m", "PTx"})
  void rejectsEverythingElse(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  static Stream<Arguments> formatted() {
    return Stream.of(
        Arguments.of(Duration.ofMillis(250), "250ms"),
        Arguments.of(Duration.ofSeconds(30), "30s"),
        Arguments.of(Duration.ofMinutes(3), "3m"),
        Arguments.of(Duration.ofMinutes(90), "1h30m"),
        Arguments.of(Duration.ofSeconds(3725), "1h2m5s"),
        Arguments.of(Duration.ZERO, "0s"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("formatted")
  void formatsBackToTheShortForm(Duration duration, String expected) {
    assertThat(Durations.format(duration)).isEqualTo(expected);
    assertThat(Durations.parse(expected)).contains(duration);
  }
}

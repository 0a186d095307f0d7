package dev.tandem.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonlTraceReaderTest {

  @Test
  void readsMooncakeLinesIgnoringExtraFieldsAndBlankLines() {
    assertThat(JsonlTraceReader.read(TraceData.ugly("mooncake.jsonl")))
        .containsExactly(
            new Request(0, 6755, 500), new Request(1_000_000, 7, 2), new Request(1_500_500, 10, 3));
  }

  record Ugly(String file, String message) {}

  static Stream<Ugly> uglyFiles() {
    return Stream.of(
        new Ugly(
            "fractional_tokens.jsonl",
            "fractional_tokens.jsonl:2: input_length: must be a non-negative integer, got 2.5"),
        new Ugly("missing_field.jsonl", "missing_field.jsonl:2: output_length: missing field"),
        new Ugly("truncated.jsonl", "truncated.jsonl:1: json: unexpected end of line"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uglyFiles")
  void badInputNamesFileLineAndField(Ugly ugly) {
    assertThatThrownBy(() -> JsonlTraceReader.read(TraceData.ugly(ugly.file())))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(ugly.message());
  }

  private static java.io.InputStream lines(double unitPerSecond, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("{\"timestamp\": ")
          .append(i * 0.5 * unitPerSecond)
          .append(", \"input_length\": 10, \"output_length\": 2}\n");
    }
    return new java.io.ByteArrayInputStream(
        sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void secondsAreRefusedUnlessStatedAndMillisecondsPass() {
    // 40 timestamps 0.05 apart: as milliseconds 20,000 req/s over 1.95 ms, refused; as seconds
    // 20 req/s over 1.95 s. The same requests 500 ms apart (20 s, 2 req/s) pass as milliseconds.
    assertThatThrownBy(() -> JsonlTraceReader.read(lines(0.1, 40), "s.jsonl"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("s.jsonl:1: timestamp: 40 requests over 1.95 time units")
        .hasMessageContaining("looks like seconds");

    List<Request> seconds =
        JsonlTraceReader.read(lines(0.1, 40), "s.jsonl", JsonlTraceReader.Unit.SECONDS);
    assertThat(seconds.get(39).arrivalMicros()).isEqualTo(1_950_000);

    List<Request> millis = JsonlTraceReader.read(lines(1000, 40), "ms.jsonl");
    assertThat(millis.get(39).arrivalMicros()).isEqualTo(19_500_000);
    assertThat(
            JsonlTraceReader.read(lines(0.1, 40), "ms.jsonl", JsonlTraceReader.Unit.MILLISECONDS)
                .get(39)
                .arrivalMicros())
        .isEqualTo(1_950);
  }

  @Test
  void aFewRequestsAreNotJudged() {
    assertThat(JsonlTraceReader.read(lines(1, 5), "few.jsonl")).hasSize(5);
  }
}

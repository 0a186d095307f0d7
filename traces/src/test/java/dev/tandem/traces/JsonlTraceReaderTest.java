package dev.tandem.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}

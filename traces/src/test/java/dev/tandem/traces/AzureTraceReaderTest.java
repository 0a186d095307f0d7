package dev.tandem.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AzureTraceReaderTest {

  /** Expected values read off the files (SOURCE.md gives the row counts and spans). */
  record RealFile(String service, int rows, Request first, Request last) {}

  static Stream<RealFile> realFiles() {
    return Stream.of(
        // last: 19:14:19.9280160 - 18:17:03.9799600 = 3435.948056 s
        new RealFile(
            "code", 8_819, new Request(0, 4808, 10), new Request(3_435_948_056L, 549, 173)),
        // last: 19:14:08.4025270 - 18:15:46.6805900 = 3501.721937 s
        new RealFile(
            "conv", 19_366, new Request(0, 374, 44), new Request(3_501_721_937L, 197, 183)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realFiles")
  void readsEveryRowInArrivalOrder(RealFile file) {
    List<Request> requests = AzureTraceReader.read(TraceData.azure(file.service()));

    assertThat(requests).hasSize(file.rows());
    assertThat(requests.get(0)).isEqualTo(file.first());
    assertThat(requests.get(requests.size() - 1)).isEqualTo(file.last());
    for (int i = 1; i < requests.size(); i++) {
      assertThat(requests.get(i).arrivalMicros())
          .isGreaterThanOrEqualTo(requests.get(i - 1).arrivalMicros());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realFiles")
  void binnedTotalsEqualTheRowCount(RealFile file) {
    List<Request> requests = AzureTraceReader.read(TraceData.azure(file.service()));

    for (long step : new long[] {10_000_000L, 60_000_000L}) {
      LoadSeries series = LoadSeriesBinner.bin(requests, step);
      assertThat(LoadSeriesBinner.totalCount(series)).isEqualTo(file.rows());
      assertThat(series.size()).isEqualTo((int) (file.last().arrivalMicros() / step) + 1);
    }
  }

  @org.junit.jupiter.api.Test
  void unsortedRowsAreSortedStablyAndFractionsOfAnyLengthWork() {
    List<Request> requests = AzureTraceReader.read(TraceData.ugly("unsorted.csv"));

    assertThat(requests)
        .containsExactly(
            new Request(0, 20, 2), new Request(1_250_000, 10, 1), new Request(1_250_000, 30, 3));
  }

  record Ugly(String file, String message) {}

  static Stream<Ugly> uglyFiles() {
    return Stream.of(
        new Ugly(
            "bad_timestamp.csv",
            "bad_timestamp.csv:3: TIMESTAMP: expected 'yyyy-MM-dd HH:mm:ss[.fraction]', got"
                + " '2023-13-16 18:15:47.0000000'"),
        new Ugly(
            "negative_tokens.csv",
            "negative_tokens.csv:4: ContextTokens: must be a non-negative integer, got '-5'"),
        new Ugly(
            "missing_column.csv",
            "missing_column.csv:1: GeneratedTokens: missing column (header has TIMESTAMP,"
                + " ContextTokens)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uglyFiles")
  void badInputNamesFileLineAndColumn(Ugly ugly) {
    assertThatThrownBy(() -> AzureTraceReader.read(TraceData.ugly(ugly.file())))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(ugly.message());
  }
}

package dev.tandem.profiles.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.profiles.SharedData;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The text report of the H200 8B profile carries the curves, the capacity and the findings. */
class ProfileReportTest {

  private static String report;

  @BeforeAll
  static void render() {
    report = ProfileReport.render(SharedData.h200Current());
  }

  record Line(String name, String expected) {}

  static Stream<Line> lines() {
    return Stream.of(
        new Line(
            "header",
            "  engine vllm 0.10.1.1, TP1, 1 GPU(s) per engine; KV capacity 945029 tokens"),
        // 1117 / 0.038494131 s = 29,017 tokens/s.
        new Line("measured prefill row", "      1117      38.49            29017          29017"),
        // Beyond ISL 16372: extrapolated, marked ~.
        new Line(
            "prefill capacity, extrapolated",
            "     16384     375.74~            43605               2.66"),
        new Line(
            "decode points of context 2997",
            "  context   2997  concurrency:ITL ms 1:4.43 49:9.94 97:15.48 145:22.13 193:26.76"
                + " 241:31.80 289:41.71"),
        // 92 sequences at 14.90 ms = 6,174 tokens/s; / 150, 300, 500 tokens.
        new Line(
            "decode capacity 15 ms at 2997",
            "       15     2997          92 ITL_TARGET      14.90             6174       41.16"
                + "       20.58       12.35"),
        new Line("findings", "Checks: 2 finding(s)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void containsLine(Line line) {
    assertThat(report.lines()).contains(line.expected());
  }
}

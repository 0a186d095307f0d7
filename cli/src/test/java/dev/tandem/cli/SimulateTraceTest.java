package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --trace FILE} with {@code --scale}, {@code --scale-method}, {@code --duration}
 * and {@code --timestamp-unit}: a user's trace is scaled the way the report says, and a trace in
 * seconds is refused, never read as milliseconds.
 */
class SimulateTraceTest {

  @TempDir Path tmp;

  /** 120 requests, one every 500 ms (2 req/s over 60 s), ISL 1000 / OSL 100. */
  private Path trace(String name, double unitPerSecond) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "{\"timestamp\": %s, \"input_length\": 1000, \"output_length\": 100}%n",
              i * 0.5 * unitPerSecond));
    }
    Path f = tmp.resolve(name);
    Files.writeString(f, sb.toString());
    return f;
  }

  private CliRun simulate(Path trace, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "simulate",
                "--trace",
                trace.toString(),
                "--policies",
                "static-1p1d",
                "--no-frontier",
                "-q",
                "--out",
                tmp.resolve("out").toString()));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  private long requests() throws IOException {
    String row = Files.readAllLines(tmp.resolve("out/summary.csv")).get(1);
    return Long.parseLong(row.split(",")[1]);
  }

  @Test
  void superposingCopiesMultipliesTheRequestsOverTheSameSpan() throws IOException {
    CliRun r = simulate(trace("ms.jsonl", 1000), "--scale", "3");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("rate ×3 by superposing 3 copies shifted by span/3");
    assertThat(requests()).isEqualTo(360);
  }

  @Test
  void compressionAndDurationCutTheScaledTrace() throws IOException {
    // Compressed 2-fold, the 120 requests arrive every 250 ms; the first 10 s hold 40 of them.
    CliRun r =
        simulate(
            trace("ms.jsonl", 1000),
            "--scale",
            "2",
            "--scale-method",
            "compress",
            "--duration",
            "10s");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("rate ×2 by compressing time 2-fold");
    assertThat(requests()).isEqualTo(40);
  }

  @Test
  void aFractionalSuperpositionIsAUsageError() throws IOException {
    CliRun r = simulate(trace("ms.jsonl", 1000), "--scale", "1.5");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("needs a whole number of copies");
  }

  @Test
  void aTraceInSecondsIsRefusedNotReadAsMilliseconds() throws IOException {
    Path seconds = trace("seconds.jsonl", 1);

    CliRun refused = simulate(seconds);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("error   seconds.jsonl:1: timestamp:")
        .contains("2000 req/s")
        .contains("looks like seconds")
        .contains("--timestamp-unit s|ms");

    CliRun stated = simulate(seconds, "--timestamp-unit", "s");
    assertThat(stated.exitCode()).as(stated.err()).isZero();
    assertThat(requests()).isEqualTo(120);
    // Read in seconds the trace lasts a minute, as the millisecond copy does.
    assertThat(stated.out()).contains("120 requests; as recorded");
  }

  @Test
  void aCsvNamedTxtIsReadAsCsvAndSaysSo() throws IOException {
    StringBuilder csv = new StringBuilder("TIMESTAMP,ContextTokens,GeneratedTokens\n");
    for (int i = 0; i < 120; i++) {
      // one every 500 ms over a minute, as the JSONL traces above
      csv.append(
          String.format(
              java.util.Locale.ROOT, "2023-11-16 18:15:%02d.%d,1000,100%n", i / 2, i % 2 * 5));
    }
    Path txt = Files.writeString(tmp.resolve("azure.txt"), csv.toString());

    CliRun r = simulate(txt);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "note    azure.txt: read as Azure CSV because its first line is a CSV header"
                + " (TIMESTAMP,ContextTokens,GeneratedTokens) (the format is taken from the"
                + " content, not the name)");
    assertThat(requests()).isEqualTo(120);
  }
}

package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {

  @TempDir Path tmp;

  @Test
  void backtestOnAzureConvPrintsEveryModelWithTheScaleExplained() {
    CliRun run =
        CliRun.run(
            "forecast",
            "backtest",
            "--trace",
            CliRun.azure("conv").toString(),
            "--resolution",
            "1m",
            "--horizon",
            "1m,5m",
            "--models",
            "last-value,ewma,selector");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("in-sample one-step last-value MAE of the training part")
        .contains("train 40 ticks")
        .containsPattern("last-value\\s+1m\\s+\\d")
        .containsPattern("selector\\s+5m\\s+\\d");
  }

  @Test
  void aBadTraceRowIsReportedWithFileAndLine() throws IOException {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46,x,1\n");

    CliRun run = CliRun.run("forecast", "backtest", "--trace", bad.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("error   bad.csv:2: ContextTokens: must be a non-negative integer, got 'x'");
  }

  @Test
  void aHorizonThatIsNotAMultipleOfTheResolutionIsAUsageError() {
    CliRun run =
        CliRun.run(
            "forecast", "backtest", "--trace", CliRun.azure("conv").toString(), "--horizon", "90s");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--horizon 90s is not a positive multiple of the resolution");
  }

  @Test
  void horizonsWithoutOriginsSayWhyInsteadOfPrintingNaN() {
    // an hour at 1m with 40m of training leaves 18 test ticks: 10m is scored, 20m and 30m are not
    CliRun run =
        CliRun.run(
            "forecast",
            "backtest",
            "--trace",
            CliRun.azure("code").toString(),
            "--horizon",
            "10m,20m,30m",
            "--models",
            "last-value");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .doesNotContain("NaN")
        .containsPattern("last-value\\s+10m\\s+\\d")
        .contains(
            "last-value               20m n/a (no origins: the 18 test ticks leave none a 20m")
        .contains("n/a rows: the trace is shorter than the training part plus the horizon");
  }
}

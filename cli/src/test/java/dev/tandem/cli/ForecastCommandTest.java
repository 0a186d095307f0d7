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
}

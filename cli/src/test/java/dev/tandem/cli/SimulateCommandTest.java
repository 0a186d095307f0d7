package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code tandem simulate}: listing, a short run end to end, bad input, durations, progress. */
class SimulateCommandTest {

  @TempDir Path out;

  @Test
  void listShowsEveryScenarioAndPolicy() {
    CliRun r = CliRun.run("simulate", "--list");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("dynamo-sinusoid", "azure-code", "azure-conv", "azure-mix")
        .contains("servegen-large-day", "servegen-large-14d", "profile-drift")
        .contains("best-static", "oracle", "dynamo-sla", "hpa", "static-<P>p<D>d");
    assertThat(CliRun.run("simulate", "--scenario", "list").out()).isEqualTo(r.out());
  }

  @Test
  void theServeGenVolumesAreCountedFromTheData() {
    // Σ rate × 600 s over the shipped m-large client windows: 24,131,xxx on day 1 (the README's
    // 24 M; a constant in the listing once said 17 M) and 236.9 M over the 14 days
    CliRun r = CliRun.run("simulate", "--list");
    assertThat(r.out())
        .containsPattern(
            "servegen-large-day .*; 24\\.1 M requests \\(mean 279 req/s\\), counted from the data")
        .containsPattern("servegen-large-14d .*; 236\\.9 M requests \\(mean 196 req/s\\)")
        .doesNotContain("17 M");
  }

  @Test
  void aShortRunPrintsTheTableAndWritesTheReport() throws Exception {
    CliRun r =
        CliRun.run(
            "simulate",
            "--scenario",
            "azure-conv",
            "--duration",
            "5m",
            "--policies",
            "static-3p3d,dynamo-sla",
            "--no-frontier",
            "--quiet",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("scenario azure-conv")
        .contains("static-3p3d")
        .contains("dynamo-sla")
        .contains("SLA att.")
        .contains("simulated req/s")
        .contains("index.html");
    assertThat(r.err()).isEmpty();
    for (String f :
        new String[] {
          "summary.csv",
          "summary.json",
          "series-static-3p3d.csv",
          "index.html",
          "prefill.png",
          "ttft.png"
        }) {
      assertThat(out.resolve(f)).exists();
    }
    assertThat(Files.readString(out.resolve("summary.csv")).lines()).hasSize(3);
  }

  /** A short sinusoid run of {@code policies} without frontiers, quiet, into {@link #out}. */
  private CliRun sinusoid(String duration, String policies, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "simulate",
                "--scenario",
                "dynamo-sinusoid",
                "--duration",
                duration,
                "--policies",
                policies,
                "--no-frontier",
                "--quiet",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void explainWritesEveryTandemDecisionWithItsReasons() throws Exception {
    CliRun r = sinusoid("5m", "tandem,static-2p2d", "--explain");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("plans-tandem.txt");
    String plans = Files.readString(out.resolve("plans-tandem.txt"));
    // decide every 30 s over 5 minutes: one plan per tick, each with both roles and its reasons
    assertThat(plans.split("plan for ", -1)).hasSizeGreaterThanOrEqualTo(10);
    assertThat(plans)
        .contains("prefill ")
        .contains("decode ")
        .contains("target:")
        .contains("correction:")
        .contains("load:       prefill: ");
  }

  @Test
  void withoutExplainNoPlanLogIsWritten() {
    CliRun r = sinusoid("2m", "tandem");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("plans-tandem.txt")).doesNotExist();
  }

  @Test
  void badInputIsAUsageError() {
    assertThat(CliRun.run("simulate", "--scenario", "nope", "-q").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("simulate", "--policies", "nope", "-q").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("simulate", "--startup", "soon", "-q").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("simulate", "--prefill-queue", "both", "-q").exitCode()).isEqualTo(2);
    CliRun scrape = CliRun.run("simulate", "--scrape-interval", "10m", "-q");
    assertThat(scrape.exitCode()).isEqualTo(2);
    assertThat(scrape.err())
        .contains("--scrape-interval must be between 1s and 5m")
        .contains("10m");
  }

  @Test
  void aSlowerScrapeIsSeenByThePoliciesAndNamedInTheScenario() throws Exception {
    CliRun r = sinusoid("3m", "tandem", "--explain", "--scrape-interval", "30s");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("; Prometheus scrapes every 30s, each visible 5s later");
    // the first decision, at 30 s, sees no scrape yet: the first, at 30 s, is visible at 35 s
    // (with 5 s scrapes it reads ≈ 5 req/s)
    String plans = Files.readString(out.resolve("plans-tandem.txt"));
    String first = plans.substring(0, plans.indexOf("plan for ", 1));
    assertThat(first).contains("at 1970-01-01T00:00:30Z").contains("arrivalRate MISSING");
  }

  record Text(String text, Duration expected) {
    @Override
    public String toString() {
      return text;
    }
  }

  static Stream<Text> durations() {
    return Stream.of(
        new Text("90s", Duration.ofSeconds(90)),
        new Text("2m", Duration.ofMinutes(2)),
        new Text("1.5h", Duration.ofMinutes(90)),
        new Text("14d", Duration.ofDays(14)),
        new Text("500ms", Duration.ofMillis(500)),
        new Text("PT5M", Duration.ofMinutes(5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durations")
  void durationsParse(Text t) {
    assertThat(SimulateDurations.parse(t.text())).isEqualTo(t.expected());
  }

  @Test
  void progressBarStaysQuietOnShortRunsThenRedrawsAtMostEvery200Ms() {
    StringWriter sink = new StringWriter();
    long[] now = {0};
    SimulateProgressBar bar =
        new SimulateProgressBar(new PrintWriter(sink), "dynamo-sla", 1_000_000_000L, () -> now[0]);
    bar.progress(100_000_000L, 10, 9);
    assertThat(sink.toString()).as("nothing in the first 2 s").isEmpty();
    now[0] = 2_500_000_000L;
    bar.progress(500_000_000L, 1000, 990);
    assertThat(sink.toString()).startsWith("\r").contains("dynamo-sla").contains(" 50%");
    int length = sink.toString().length();
    now[0] += 100_000_000L;
    bar.progress(600_000_000L, 1200, 1190);
    assertThat(sink.toString()).as("not redrawn within 200 ms").hasSize(length);
    now[0] += 200_000_000L;
    bar.progress(1_000_000_000L, 2000, 2000);
    assertThat(sink.toString()).endsWith(bar.line(1_000_000_000L, 2000, 2_800_000_000L));
    assertThat(bar.line(1_000_000_000L, 2000, 0)).contains("[" + "#".repeat(30) + "]", "100%");
  }
}

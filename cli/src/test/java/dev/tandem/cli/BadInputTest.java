package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ordinary bad input, as a new user types it: each gives exit 1 (input) or 2 (usage), one message
 * naming the file, line and field where there is one, and never a stack trace. The cases are the
 * probes that once printed a trace, succeeded on nothing, or were silently misread.
 */
class BadInputTest {

  @TempDir static Path dir;

  record Case(String name, List<String> args, int exit, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void files() throws IOException {
    Files.writeString(
        dir.resolve("bad.csv"),
        "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,374,44\nBADROW,xx\n");
    Files.writeString(dir.resolve("header.csv"), "TIMESTAMP,ContextTokens,GeneratedTokens\n");
    String azure = "TIMESTAMP,ContextTokens,GeneratedTokens\n";
    Files.writeString(
        dir.resolve("huge.csv"),
        azure + "2023-11-16 18:15:46.0,374,44\n2023-11-16 18:15:47.0,99999999,44\n");
    Files.writeString(
        dir.resolve("instant.csv"), azure + "2023-11-16 18:15:46.0,374,44\n".repeat(3));
    Files.writeString(
        dir.resolve("overkv.csv"),
        azure + "2023-11-16 18:15:46.0,374,44\n2023-11-16 18:15:47.0,1000000,44\n");
    Files.writeString(dir.resolve("notes.txt"), "hello world\n");
    Files.writeString(dir.resolve("empty.csv"), "");
    Files.writeString(
        dir.resolve("servegen_far_aggregate_600s.csv"),
        "window_start_s,total_rate_rps,active_clients,est_mean_isl_tokens,est_mean_osl_tokens\n"
            + "600000000000,10,1,100,100\n600000000600,10,1,100,100\n");
    Files.writeString(
        dir.resolve("instant.jsonl"),
        "{\"timestamp\": 5, \"input_length\": 10, \"output_length\": 2}\n".repeat(30));
    // a policy whose profile field points at a policy file (itself)
    Path self = dir.resolve("self.yaml");
    String grove =
        Files.readString(CliRun.root().resolve("examples/policies/grove-llama-3.1-8b-h200.yaml"));
    Files.writeString(
        self, grove.replace("../profiles/h200-llama-3.1-8b-fp8-tp1.yaml", self.toString()));
    Files.writeString(dir.resolve("quote.csv"), azure + "\"2023-11-16 18:15:46,1,2\n");
    Files.writeString(dir.resolve("empty.yaml"), "# nothing here\n");
    Files.write(dir.resolve("binary.yaml"), new byte[] {'a', ':', ' ', (byte) 0x8b, 0});
    Files.writeString(dir.resolve("long.yaml"), "key: " + "x".repeat(100_000) + "\n");
  }

  static Stream<Case> cases() {
    String bad = dir.resolve("bad.csv").toString();
    String header = dir.resolve("header.csv").toString();
    String out = dir.resolve("out").toString();
    return Stream.of(
        c(
            "a malformed trace row",
            1,
            "bad.csv:3: TIMESTAMP: expected",
            "simulate",
            "--trace",
            bad,
            "--out",
            out),
        c(
            "a header-only trace",
            2,
            "the trace has no requests",
            "simulate",
            "--trace",
            header,
            "--out",
            out),
        c(
            "a 99,999,999-token prompt",
            1,
            "huge.csv:3: ContextTokens: 99,999,999 tokens is above the most a trace may give one"
                + " request, 10,000,000 (Request.MAX_TOKENS)",
            "simulate",
            "--trace",
            dir.resolve("huge.csv").toString(),
            "--out",
            out),
        c(
            "every request at one instant",
            1,
            "instant.csv: TIMESTAMP: all 3 requests arrive at one instant (a span of 0 s)",
            "simulate",
            "--trace",
            dir.resolve("instant.csv").toString(),
            "--out",
            out),
        c(
            "thirty JSONL requests at one instant (not a question of units)",
            1,
            "instant.jsonl: timestamp: all 30 requests arrive at one instant (a span of 0 s)",
            "simulate",
            "--trace",
            dir.resolve("instant.jsonl").toString(),
            "--out",
            out),
        c(
            "a request larger than one engine's KV cache",
            1,
            "overkv.csv: 1 of 2 requests need more KV cache than one decode engine holds: up to"
                + " 1,000,044 tokens (ISL + OSL) against kvCapacityTokens 945,029 of profile",
            "simulate",
            "--trace",
            dir.resolve("overkv.csv").toString(),
            "--out",
            out),
        c(
            "a file in neither trace format",
            1,
            "notes.txt:1: format: neither a JSON object (a Dynamo/Mooncake JSONL trace) nor a CSV"
                + " header",
            "simulate",
            "--trace",
            dir.resolve("notes.txt").toString(),
            "--out",
            out),
        c(
            "an unclosed quote",
            1,
            "quote.csv:2: quoting: (startline 2) EOF reached before encapsulated token finished",
            "simulate",
            "--trace",
            dir.resolve("quote.csv").toString(),
            "--out",
            out),
        c(
            "a ServeGen scenario without its data",
            1,
            "servegen-large-day needs the ServeGen data: pass --data DIR with"
                + " DIR/servegen_alibaba_bailian",
            "simulate",
            "--scenario",
            "servegen-large-day",
            "--data",
            dir.resolve("nothing-here").toString(),
            "--out",
            out),
        c(
            "a profile path pointing at a policy",
            1,
            "self.yaml:12:1: kind: 'SlaPolicy' is not allowed; allowed: PerformanceProfile",
            "validate",
            dir.resolve("self.yaml").toString()),
        c(
            "an empty trace file",
            1,
            "empty.csv: the file is empty: no CSV header and no JSON lines, no requests",
            "simulate",
            "--trace",
            dir.resolve("empty.csv").toString(),
            "--out",
            out),
        c(
            "--sla without --trace",
            2,
            "--sla applies to --trace only",
            "simulate",
            "--sla",
            "200,10"),
        c(
            "--sla 0,0",
            2,
            "--sla TTFT must be a positive number of milliseconds, got 0.0",
            "simulate",
            "--trace",
            bad,
            "--sla",
            "0,0"),
        c("--sla -5,10", 2, "got -5.0", "simulate", "--trace", bad, "--sla", "-5,10"),
        c("--sla NaN,10", 2, "got NaN", "simulate", "--trace", bad, "--sla", "NaN,10"),
        c(
            "--sla with one number",
            2,
            "--sla takes two numbers",
            "simulate",
            "--trace",
            bad,
            "--sla",
            "200"),
        c(
            "--sla with three numbers",
            2,
            "--sla takes two numbers",
            "simulate",
            "--trace",
            bad,
            "--sla",
            "200,10,5"),
        c(
            "--duration 0s",
            2,
            "--duration must be longer than 0s, got 0s",
            "simulate",
            "--duration",
            "0s"),
        c(
            "--warm-up on a replayed trace",
            2,
            "--warm-up needs a generated load (a built-in sinusoid scenario): a replayed trace"
                + " would repeat itself",
            "simulate",
            "--trace",
            bad,
            "--warm-up",
            "1h"),
        c(
            "--warm-up on a built-in trace scenario",
            2,
            "--warm-up needs a generated load (dynamo-sinusoid, profile-drift, long-prompts)",
            "simulate",
            "--scenario",
            "azure-code",
            "--warm-up",
            "1h",
            "--out",
            out),
        c(
            "--warm-up of part of a period",
            2,
            "--warm-up must be a whole number of the load's 10-minute periods, at most its 60"
                + " minutes, got 900 s",
            "simulate",
            "--scenario",
            "dynamo-sinusoid",
            "--warm-up",
            "15m",
            "--out",
            out),
        c(
            "--target 0",
            2,
            "--target must be a share of windows in (0, 1], e.g. 0.9, got 0.0",
            "simulate",
            "--target",
            "0",
            "--out",
            out),
        c("--target 2", 2, "--target must be a share", "simulate", "--target", "2", "--out", out),
        c("--target NaN", 2, "got NaN", "simulate", "--target", "NaN", "--out", out),
        c("version as a command", 2, "Did you mean: tandem --version?", "version"),
        c(
            "a static split of nothing",
            1,
            "a static split needs >= 1 engine per role",
            "simulate",
            "--policies",
            "static-0p0d",
            "--out",
            out),
        c(
            "an unknown forecaster",
            2,
            "--models: unknown model 'hotl'",
            "forecast",
            "backtest",
            "--trace",
            bad,
            "--models",
            "hotl"),
        c(
            "a zero resolution",
            2,
            "--resolution must be at least 1s, got 0s",
            "forecast",
            "backtest",
            "--trace",
            bad,
            "--resolution",
            "0s"),
        c(
            "a horizon of more ticks than forecasters keep",
            2,
            "--horizon 20m is 1200 ticks of 1s; forecasters look at most 1000 ticks ahead: use a"
                + " coarser --resolution or a shorter --horizon",
            "forecast",
            "backtest",
            "--trace",
            bad,
            "--resolution",
            "1s"),
        c(
            "a millisecond resolution",
            2,
            "--resolution must be at least 1s, got 1ms",
            "forecast",
            "backtest",
            "--trace",
            bad,
            "--resolution",
            "1ms"),
        c(
            "an aggregate that starts 19,000 years in",
            1,
            "servegen_far_aggregate_600s.csv:2: window_start_s: must be at most 34560000 s",
            "forecast",
            "backtest",
            "--trace",
            dir.resolve("servegen_far_aggregate_600s.csv").toString()),
        c(
            "an empty policy file",
            1,
            "empty.yaml: holds no YAML document",
            "validate",
            dir.resolve("empty.yaml").toString()),
        c(
            "a binary policy file",
            1,
            "is not UTF-8 text (a binary file?)",
            "validate",
            dir.resolve("binary.yaml").toString()),
        c(
            "one long value",
            1,
            "long.yaml:1:6: a value longer than 65,536 characters",
            "validate",
            dir.resolve("long.yaml").toString()),
        c(
            "an empty profile",
            1,
            "empty.yaml: holds no YAML document",
            "profile",
            "show",
            dir.resolve("empty.yaml").toString()),
        c(
            "a negative rate",
            2,
            "--rate must be in [0, 1,000,000] requests/s, got -5.0",
            "recommend",
            "--policy",
            "p.yaml",
            "--rate",
            "-5",
            "--isl",
            "3000",
            "--osl",
            "300"),
        c(
            "a prompt above the length bound",
            2,
            "--isl must be in (0, 10,000,000] tokens, got 1.0E8",
            "recommend",
            "--policy",
            "p.yaml",
            "--rate",
            "5",
            "--isl",
            "1e8",
            "--osl",
            "300"),
        c(
            "a prefix hit rate above 1",
            2,
            "--prefix-hit must be in [0, 1] (a share), got 1.5",
            "recommend",
            "--policy",
            "p.yaml",
            "--rate",
            "5",
            "--isl",
            "300",
            "--osl",
            "300",
            "--prefix-hit",
            "1.5"),
        c(
            "a mistyped option",
            2,
            "see 'tandem recommend --help'",
            "recommend",
            "--polcy",
            "p.yaml"));
  }

  private static Case c(String name, int exit, String message, String... args) {
    return new Case(name, new ArrayList<>(List.of(args)), exit, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsOneClearMessageAndAnExitCode(Case c) {
    CliRun run = CliRun.run(c.args().toArray(String[]::new));

    assertThat(run.exitCode()).as(c.name() + ": " + run.err()).isEqualTo(c.exit());
    assertThat(run.err()).as(c.name()).contains(c.message()).startsWith("error   ");
    assertThat(run.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
  }
}

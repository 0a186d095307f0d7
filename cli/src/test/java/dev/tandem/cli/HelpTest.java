package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand answers -h and --help with exit 0 and ends with an example. */
class HelpTest {

  static Stream<String> commandPaths() {
    List<String> paths = new ArrayList<>();
    collect(TandemCli.commandLine(), "", paths);
    return paths.stream();
  }

  private static void collect(CommandLine cli, String prefix, List<String> paths) {
    paths.add(prefix.trim());
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help")) {
                collect(sub, prefix + " " + name, paths);
              }
            });
  }

  @ParameterizedTest(name = "tandem {0} --help")
  @MethodSource("commandPaths")
  void helpWorksOnEveryCommandAndEndsWithAnExample(String path) {
    for (String flag : List.of("--help", "-h")) {
      List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
      args.add(flag);
      CliRun run = CliRun.run(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args + " " + run.err()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out()).startsWith("Usage: tandem" + (path.isEmpty() ? "" : " " + path));
      String help = run.out().strip();
      // the example is the last thing the help prints
      assertThat(help.substring(help.lastIndexOf("\nExample:\n")))
          .startsWith("\nExample:\n  tandem ");
      assertThat(help.substring(help.lastIndexOf("\nExample:\n") + 1).lines().count()).isEqualTo(2);
    }
  }

  @Test
  void everyCommandHasAnExample() {
    assertThat(HelpEverywhere.missingExamples(TandemCli.commandLine())).isEmpty();
  }

  @Test
  void helpWalksNestedCommands() {
    CliRun run = CliRun.run("help", "profile", "show");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: tandem profile show");
    CliRun unknown = CliRun.run("help", "profile", "shwo");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("Unknown command 'shwo' under 'profile'; commands: show, import");
  }

  @Test
  void noDescriptionIsCutMidSentence() {
    commandPaths()
        .forEach(
            path -> {
              CommandLine cli = TandemCli.commandLine();
              for (String name : path.isEmpty() ? new String[0] : path.split(" ")) {
                cli = cli.getSubcommands().get(name);
              }
              String[] description = cli.getCommandSpec().usageMessage().description();
              if (description.length > 0) {
                // the first line is what the parent's command list shows
                assertThat(description[0].strip()).as(path).endsWith(".");
              }
            });
  }

  @Test
  void anUnexpectedErrorIsOneLineWithoutDebugAndATraceWithIt() {
    CliRun plain = CliRun.run("forecast", "backtest", "--trace", "missing.csv", "--models", "holt");
    assertThat(plain.err()).doesNotContain("\tat ");
    assertThat(plain.exitCode()).isIn(1, 2);
  }

  @Test
  void aUsageErrorIsItsMessageAndAPointerToTheHelpNotTheWholeUsage() {
    CliRun run = CliRun.run("recommend", "--polcy", "p.yaml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error   ")
        .contains("--policy")
        .contains("see 'tandem recommend --help'");
    assertThat(run.err()).doesNotContain("Usage:");
  }

  @Test
  void forecastBacktestTakesThePolicyModelNamesAndRefusesAZeroResolution() {
    CliRun unknown = CliRun.run("forecast", "backtest", "--trace", "t.csv", "--models", "hotl");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("--models: unknown model 'hotl'")
        .contains("policy names: auto");
    CliRun zero = CliRun.run("forecast", "backtest", "--trace", "t.csv", "--resolution", "0s");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--resolution must be at least 1s, got 0s");
  }

  @Test
  void suggestionsAreNearMissesOnly() {
    CliRun version = CliRun.run("version");
    assertThat(version.exitCode()).isEqualTo(2);
    assertThat(version.err())
        .contains("Did you mean: tandem --version?")
        .doesNotContain("simulate")
        .doesNotContain("serve");
    CliRun typo = CliRun.run("simualte");
    assertThat(typo.err()).contains("Did you mean: tandem simulate?");
    CliRun far = CliRun.run("frobnicate");
    assertThat(far.err()).doesNotContain("Did you mean");
    assertThat(Suggestions.distance("simualte", "simulate")).isEqualTo(1);
  }
}

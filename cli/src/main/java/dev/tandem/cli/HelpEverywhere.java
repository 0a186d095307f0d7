package dev.tandem.cli;

import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Gives every command and subcommand the same help: {@code -h}/{@code --help} (which win over
 * missing required parameters), a {@code --debug} switch that shows the stack trace of an
 * unexpected error, and a footer with a worked example. Applied to the whole hierarchy at start, so
 * a command added later gets it too; {@link #missingExamples} lets a test insist on the example.
 */
final class HelpEverywhere {

  static final String DEBUG = "--debug";

  /**
   * One example per command, keyed by its qualified name ("tandem profile show"); each fits one
   * line of an 80-column terminal, so the help ends with it unwrapped.
   */
  private static final Map<String, String> EXAMPLES =
      Map.ofEntries(
          Map.entry(
              "tandem", "tandem simulate                       # replay the default scenario"),
          Map.entry("tandem help", "tandem help profile show"),
          Map.entry("tandem validate", "tandem validate examples/ --strict"),
          Map.entry(
              "tandem profile",
              "tandem profile show examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml"),
          Map.entry(
              "tandem profile show",
              "tandem profile show examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml"),
          Map.entry(
              "tandem profile import",
              "tandem profile import --from-dynamo profiling_results/ -o h200-tp1.yaml"),
          Map.entry(
              "tandem forecast",
              "tandem forecast backtest --trace servegen_m-large_aggregate_600s.csv"),
          Map.entry(
              "tandem forecast backtest",
              "tandem forecast backtest --trace code.csv --horizon 10m,30m"),
          Map.entry(
              "tandem recommend",
              "tandem recommend --policy policy.yaml --rate 20 --isl 3000 --osl 300"),
          Map.entry(
              "tandem metrics",
              "tandem metrics check --policy p.yaml --prometheus http://prom:9090"),
          Map.entry(
              "tandem metrics check",
              "tandem metrics check --policy p.yaml --prometheus http://prom:9090"),
          Map.entry("tandem serve", "tandem serve --simulate azure-mix --speed 60"),
          Map.entry("tandem targets", "tandem targets check --policy p.yaml"),
          Map.entry(
              "tandem targets check", "tandem targets check --policy p.yaml --kubeconfig kc.yaml"),
          Map.entry(
              "tandem simulate",
              "tandem simulate --scenario dynamo-sinusoid --out sim-out/ --explain"));

  private HelpEverywhere() {}

  /** Adds the help and debug options and the example footer to {@code cli} and every subcommand. */
  static void apply(CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    if (!spec.mixins().containsKey("mixinStandardHelpOptions")) {
      spec.mixinStandardHelpOptions(true);
    }
    if (spec.findOption(DEBUG) == null && !isHelpCommand(spec)) {
      spec.addOption(
          OptionSpec.builder(DEBUG)
              .description("Print the stack trace of an unexpected error.")
              .build());
    }
    String example = EXAMPLES.get(spec.qualifiedName());
    if (example != null) {
      spec.usageMessage().footer("", "Example:", "  " + example);
    }
    cli.getSubcommands().values().stream().distinct().forEach(HelpEverywhere::apply);
  }

  /** Qualified names of the commands that have no example, for the test that requires one. */
  static Map<String, CommandSpec> missingExamples(CommandLine cli) {
    Map<String, CommandSpec> missing = new TreeMap<>();
    collect(cli, missing);
    return missing;
  }

  /** True when {@code --debug} was given to any command on the line. */
  static boolean debug(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(DEBUG)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(CommandLine cli, Map<String, CommandSpec> missing) {
    CommandSpec spec = cli.getCommandSpec();
    if (!EXAMPLES.containsKey(spec.qualifiedName())) {
      missing.put(spec.qualifiedName(), spec);
    }
    cli.getSubcommands().values().stream().distinct().forEach(c -> collect(c, missing));
  }

  private static boolean isHelpCommand(CommandSpec spec) {
    return spec.userObject() instanceof NestedHelpCommand;
  }
}

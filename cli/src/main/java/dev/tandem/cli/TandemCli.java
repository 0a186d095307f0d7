package dev.tandem.cli;

import dev.tandem.config.yaml.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tandem} command: one entry point for every Tandem tool. Exit status 0 means success, 1
 * invalid input (every problem is printed, never only the first), 2 a usage error.
 */
@Command(
    name = "tandem",
    mixinStandardHelpOptions = true,
    version = "tandem 0.1.0-SNAPSHOT",
    description = "SLA-driven autoscaler for disaggregated LLM inference on Kubernetes.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ValidateCommand.class,
      ProfileCommand.class,
      ForecastCommand.class,
      RecommendCommand.class,
      SimulateCommand.class,
      TargetsCommand.class
    })
public final class TandemCli implements Runnable {

  /** Exit status for input that is readable but wrong. */
  static final int INVALID_INPUT = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new TandemCli());
    cli.setExecutionExceptionHandler(TandemCli::handle);
    return cli;
  }

  /** Bad input is reported as its list of problems, not as a stack trace. */
  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed)
      throws Exception {
    if (e instanceof InvalidInputException invalid) {
      invalid.problems().forEach(p -> cli.getErr().println("error   " + p));
    } else if (e instanceof IOException || e instanceof UncheckedIOException) {
      cli.getErr().println("error   " + e.getMessage());
    } else {
      throw e;
    }
    cli.getErr().flush();
    return INVALID_INPUT;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

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
      NestedHelpCommand.class,
      ValidateCommand.class,
      ProfileCommand.class,
      ForecastCommand.class,
      RecommendCommand.class,
      SimulateCommand.class,
      MetricsCommand.class,
      TargetsCommand.class,
      ServeCommand.class
    })
public final class TandemCli implements Runnable {

  /** Exit status for input that is readable but wrong. */
  static final int INVALID_INPUT = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (!(args.length > 0 && args[0].equals("serve"))
        && System.getProperty(LOGBACK_CONFIGURATION) == null) {
      // one-shot commands: library warnings to stderr only (serve lets Spring Boot configure it)
      System.setProperty(LOGBACK_CONFIGURATION, "tandem-cli-logback.xml");
    }
    System.exit(commandLine().execute(args));
  }

  private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new TandemCli());
    cli.setExecutionExceptionHandler(TandemCli::handle);
    cli.setParameterExceptionHandler(TandemCli::usageError);
    cli.setUsageHelpAutoWidth(true);
    HelpEverywhere.apply(cli);
    return cli;
  }

  /**
   * A usage error is its message, picocli's suggestions for a mistyped option, and where to find
   * the help: the whole usage after every mistake buried the one line that mattered.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    java.io.PrintWriter err = cli.getErr();
    err.println("error   " + e.getMessage());
    Suggestions.print(e, err);
    err.println("        see '" + cli.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return cli.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * Bad input is reported as its list of problems, not as a stack trace; an unexpected error is one
   * line naming it, and its stack trace only with {@code --debug}.
   */
  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof InvalidInputException invalid) {
      invalid.problems().forEach(p -> cli.getErr().println("error   " + p));
    } else if (e instanceof IOException
        || e instanceof UncheckedIOException
        || e instanceof IllegalArgumentException) {
      cli.getErr().println("error   " + e.getMessage());
    } else {
      cli.getErr()
          .println("error   unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
      if (!HelpEverywhere.debug(parsed)) {
        cli.getErr()
            .println("        (run again with " + HelpEverywhere.DEBUG + " for the stack trace)");
      }
    }
    if (HelpEverywhere.debug(parsed)) {
      e.printStackTrace(cli.getErr());
    }
    cli.getErr().flush();
    return INVALID_INPUT;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

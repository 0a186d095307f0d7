package dev.tandem.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tandem} command: one entry point for every Tandem tool. */
@Command(
    name = "tandem",
    mixinStandardHelpOptions = true,
    version = "tandem 0.1.0-SNAPSHOT",
    description = "SLA-driven autoscaler for disaggregated LLM inference on Kubernetes.",
    subcommands = {CommandLine.HelpCommand.class})
public final class TandemCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new TandemCli());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}

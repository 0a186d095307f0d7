package dev.tandem.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tandem metrics ...}: check what Tandem reads from Prometheus. */
@Command(
    name = "metrics",
    description = "Check the Prometheus queries of SLA policies.",
    subcommands = {MetricsCheckCommand.class})
final class MetricsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

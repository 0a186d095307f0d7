package dev.tandem.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tandem forecast ...}: forecasters over load series. */
@Command(
    name = "forecast",
    description = "Evaluate the load forecasters on real traces.",
    subcommands = {ForecastBacktestCommand.class})
final class ForecastCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

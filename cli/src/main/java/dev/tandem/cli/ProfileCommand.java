package dev.tandem.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tandem profile ...}: read, check and convert performance profiles. */
@Command(
    name = "profile",
    description = "Show, check and import performance profiles.",
    subcommands = {ProfileShowCommand.class, ProfileImportCommand.class})
final class ProfileCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package dev.tandem.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code tandem help [COMMAND [SUBCOMMAND]]}: picocli's own help command takes one name, so {@code
 * help profile show} printed {@code profile}'s help. This one walks the whole path.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the help of a command or subcommand, e.g. 'help profile show'.")
final class NestedHelpCommand implements IHelpCommandInitializable2, Runnable {

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command path.")
  List<String> path = List.of();

  private CommandLine self;

  @Override
  public void init(
      CommandLine helpCommandLine,
      ColorScheme colorScheme,
      PrintWriter outWriter,
      PrintWriter errWriter) {
    this.self = helpCommandLine;
  }

  @Override
  public void run() {
    CommandLine target = self.getParent();
    for (String name : path) {
      CommandLine next = target.getSubcommands().get(name);
      if (next == null) {
        throw new ParameterException(
            self,
            "Unknown command '"
                + name
                + "' under '"
                + target.getCommandName()
                + "'; commands: "
                + String.join(", ", target.getSubcommands().keySet()));
      }
      target = next;
    }
    target.usage(self.getOut());
  }
}

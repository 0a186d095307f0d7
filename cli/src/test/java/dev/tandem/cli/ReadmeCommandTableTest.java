package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * README's table of commands ("The `tandem` command") against the registered commands: every
 * command a user can run has a row, every row names a command that exists, and every option a row
 * mentions is an option of its command. A command added, renamed or given new options without the
 * README following fails here.
 */
class ReadmeCommandTableTest {

  private static final Pattern INVOCATION = Pattern.compile("`\\./tandem ([^`]*)`");
  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--[a-z][a-z0-9-]*|-[a-z])\\b");

  /** Command path ("profile show") to the options its rows mention. */
  private static Map<String, Set<String>> readmeRows() throws IOException {
    List<String> lines = Files.readAllLines(CliRun.root().resolve("README.md"));
    int start = lines.indexOf("## The `tandem` command");
    assertThat(start).as("README section '## The `tandem` command'").isNotNegative();
    Map<String, Set<String>> rows = new LinkedHashMap<>();
    CommandLine root = TandemCli.commandLine();
    boolean inTable = false;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (!line.startsWith("|")) {
        if (inTable) {
          break;
        }
        continue;
      }
      inTable = true;
      String[] cells = line.split("(?<!\\\\)\\|");
      if (cells.length < 3 || cells[1].strip().equals("command") || cells[1].contains("---")) {
        continue;
      }
      Matcher m = INVOCATION.matcher(cells[1]);
      List<String> paths = new ArrayList<>();
      while (m.find()) {
        paths.add(path(root, m.group(1)));
      }
      assertThat(paths).as("a row without ./tandem: " + line).isNotEmpty();
      Set<String> options = new TreeSet<>();
      Matcher o = OPTION.matcher(cells[1] + " " + cells[2]);
      while (o.find()) {
        options.add(o.group(1));
      }
      for (String path : paths) {
        rows.computeIfAbsent(path, p -> new TreeSet<>()).addAll(options);
      }
    }
    return rows;
  }

  /** The longest run of leading words that names a registered (sub)command. */
  private static String path(CommandLine root, String invocation) {
    CommandLine cli = root;
    List<String> words = new ArrayList<>();
    for (String word : invocation.split("\\s+")) {
      CommandLine sub = cli.getSubcommands().get(word);
      if (sub == null) {
        break;
      }
      cli = sub;
      words.add(word);
    }
    return String.join(" ", words);
  }

  private static CommandLine command(String path) {
    CommandLine cli = TandemCli.commandLine();
    for (String word : path.split(" ")) {
      cli = cli.getSubcommands().get(word);
    }
    return cli;
  }

  /** Commands a user runs: every command without subcommands, except {@code help}. */
  private static Set<String> registered() {
    Set<String> leaves = new TreeSet<>();
    collect(TandemCli.commandLine(), "", leaves);
    return leaves;
  }

  private static void collect(CommandLine cli, String prefix, Set<String> leaves) {
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals("help")) {
                return;
              }
              String path = (prefix + " " + name).strip();
              if (sub.getSubcommands().isEmpty()) {
                leaves.add(path);
              } else {
                collect(sub, path, leaves);
              }
            });
  }

  @Test
  void everyCommandHasARowAndEveryRowACommand() throws IOException {
    assertThat(readmeRows().keySet()).containsExactlyInAnyOrderElementsOf(registered());
  }

  @Test
  void everyOptionARowMentionsIsAnOptionOfItsCommand() throws IOException {
    List<String> unknown = new ArrayList<>();
    readmeRows()
        .forEach(
            (path, options) -> {
              CommandLine.Model.CommandSpec spec = command(path).getCommandSpec();
              for (String option : options) {
                if (spec.findOption(option) == null) {
                  unknown.add("tandem " + path + " " + option);
                }
              }
            });
    assertThat(unknown)
        .as("options in README's command table that the command does not have")
        .isEmpty();
  }

  @Test
  void theTableIsReadAsAUserReadsIt() throws IOException {
    // the parser itself: rows that hold two invocations and escaped pipes are read whole
    Map<String, Set<String>> rows = readmeRows();
    assertThat(rows.get("serve")).contains("--policies", "--simulate", "--speed");
    assertThat(rows.get("simulate")).contains("--scenario", "--trace", "--timestamp-unit");
    assertThat(rows.get("profile import")).contains("--from-dynamo", "-o", "--gpu");
  }
}

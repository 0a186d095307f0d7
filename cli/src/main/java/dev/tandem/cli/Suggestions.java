package dev.tandem.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * "Did you mean" after a usage error, only for near misses. picocli ranks every command and option
 * by shared letter pairs, so {@code tandem version} was answered with "tandem serve or tandem
 * simulate"; a suggestion is kept here only within a small edit distance of what was typed, and a
 * word that is an option's name without its dashes ({@code version}, {@code help}) is pointed at
 * that option.
 */
final class Suggestions {

  private Suggestions() {}

  static void print(CommandLine.ParameterException e, PrintWriter err) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return;
    }
    String typed = unmatched.getUnmatched().get(0);
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    List<String> near = new ArrayList<>();
    String bare = typed.replaceFirst("^-+", "");
    for (OptionSpec option : spec.options()) {
      for (String name : option.names()) {
        if (name.startsWith("--") && name.substring(2).equals(bare) && !name.equals(typed)) {
          near.add(spec.qualifiedName() + " " + name);
        }
      }
    }
    if (near.isEmpty()) {
      for (String suggestion : unmatched.getSuggestions()) {
        String word = suggestion.substring(suggestion.lastIndexOf(' ') + 1);
        if (close(typed, word)) {
          near.add(suggestion.startsWith("-") ? suggestion : spec.qualifiedName() + " " + word);
        }
      }
    }
    if (!near.isEmpty()) {
      err.println("Did you mean: " + String.join(" or ", near) + "?");
    }
  }

  /** Within 2 edits, or a third of the longer word's length for long words. */
  static boolean close(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    return distance(x, y) <= Math.max(2, Math.max(x.length(), y.length()) / 3);
  }

  /** Levenshtein distance with adjacent transpositions (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

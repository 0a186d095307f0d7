package dev.tandem.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

/** Small PromQL text builders: quoted strings, exact-match regexes, durations. */
final class PromQl {

  private PromQl() {}

  /** A double-quoted PromQL string literal. */
  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  /** {@code name=~"a|b"} matching exactly the given values (regex metacharacters escaped). */
  static String anyOf(String label, Collection<String> values) {
    String alternatives =
        values.stream()
            .sorted()
            .distinct()
            .map(PromQl::regexLiteral)
            .collect(Collectors.joining("|"));
    return label + "=~" + quote(alternatives);
  }

  /** A regular-expression literal matching {@code s} exactly (RE2 syntax). */
  static String regexLiteral(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** A PromQL duration, in whole seconds when possible ({@code 60s}), else milliseconds. */
  static String duration(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /** A number of seconds for arithmetic ({@code / 60}). */
  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0
        ? Long.toString(d.toSeconds())
        : Double.toString(d.toMillis() / 1000.0);
  }
}

package dev.tandem.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses durations as people write them — {@code 90s}, {@code 2m}, {@code 1.5h}, {@code 14d},
 * {@code 500ms} — or ISO-8601 ({@code PT2M}).
 */
final class SimulateDurations implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  static Duration parse(String value) {
    String v = value.trim();
    Matcher m = SIMPLE.matcher(v);
    if (m.matches()) {
      double n = Double.parseDouble(m.group(1));
      double millis =
          switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1e3;
            case "m", "min" -> n * 60e3;
            case "h" -> n * 3600e3;
            default -> n * 86_400e3;
          };
      return Duration.ofMillis(Math.round(millis));
    }
    try {
      return Duration.parse(v);
    } catch (RuntimeException e) {
      throw new CommandLine.TypeConversionException(
          "expected a duration like 90s, 2m, 1.5h, 14d or PT2M, got '" + value + "'");
    }
  }
}

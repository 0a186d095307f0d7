package dev.tandem.config.yaml;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations the way Kubernetes users write them: a sequence of number-unit pairs such as
 * {@code 200ms}, {@code 30s}, {@code 3m}, {@code 1h30m} (units {@code ms}, {@code s}, {@code m},
 * {@code h}; decimals allowed), or an ISO-8601 {@code PT3M}.
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+");

  private Durations() {}

  /** The duration, or empty when the text is not one of the accepted forms. */
  public static Optional<Duration> parse(String text) {
    String t = text.trim();
    if (t.startsWith("PT") || t.startsWith("pt")) {
      try {
        return Optional.of(Duration.parse(t));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    if (!WHOLE.matcher(t).matches()) {
      return Optional.empty();
    }
    double nanos = 0;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      double value = Double.parseDouble(m.group(1));
      nanos +=
          switch (m.group(2)) {
            case "ms" -> value * 1e6;
            case "s" -> value * 1e9;
            case "m" -> value * 60e9;
            default -> value * 3600e9;
          };
    }
    return Optional.of(Duration.ofNanos(Math.round(nanos)));
  }

  /** Formats a duration back into the short form, e.g. {@code 3m}, {@code 1h30m}, {@code 250ms}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    long millis = d.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    StringBuilder sb = new StringBuilder();
    if (seconds >= 3600) {
      sb.append(seconds / 3600).append('h');
      seconds %= 3600;
    }
    if (seconds >= 60) {
      sb.append(seconds / 60).append('m');
      seconds %= 60;
    }
    if (seconds > 0) {
      sb.append(seconds).append('s');
    }
    return sb.toString();
  }
}

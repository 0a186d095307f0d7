package dev.tandem.planner;

import dev.tandem.config.yaml.Durations;
import java.time.Duration;
import java.util.Locale;

/**
 * Number and duration formatting for the plan's sentences, locale-independent and cheap: every plan
 * writes a dozen sentences, and {@link String#format} (pattern parsing, decimal symbols per call)
 * would cost more than the sizing itself. {@link #f} understands {@code %s}, {@code %d}, {@code
 * %.Nf} and {@code %%}; any other pattern goes to {@link String#format} with {@link Locale#ROOT}.
 */
final class Format {

  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private Format() {}

  static String f(String pattern, Object... args) {
    StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
    int arg = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
      if (next == '%') {
        out.append('%');
        i++;
      } else if (next == 's' || next == 'd') {
        out.append(args[arg++]);
        i++;
      } else if (next == '.'
          && i + 3 < pattern.length()
          && Character.isDigit(pattern.charAt(i + 2))
          && pattern.charAt(i + 3) == 'f') {
        out.append(fixed(((Number) args[arg++]).doubleValue(), pattern.charAt(i + 2) - '0'));
        i += 3;
      } else {
        return String.format(Locale.ROOT, pattern, args);
      }
    }
    return out.toString();
  }

  /** {@code v} rounded half-up to {@code decimals} places (0..6), e.g. fixed(61.248, 1) = 61.2. */
  static String fixed(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= 1e15 || decimals > 6) {
      return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
    long scale = POWERS[decimals];
    long scaled = Math.round(Math.abs(v) * scale);
    StringBuilder out = new StringBuilder();
    if (v < 0 && scaled != 0) {
      out.append('-');
    }
    out.append(scaled / scale);
    if (decimals > 0) {
      String fraction = Long.toString(scaled % scale);
      out.append('.');
      for (int pad = fraction.length(); pad < decimals; pad++) {
        out.append('0');
      }
      out.append(fraction);
    }
    return out.toString();
  }

  /** About three significant digits for rates and engine counts, e.g. 19.1, 0.749, 1250. */
  static String num(double v) {
    if (Double.isInfinite(v)) {
      return "∞";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    return fixed(v, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
  }

  /** Milliseconds with one decimal, or ∞. */
  static String ms(double millis) {
    return Double.isInfinite(millis) ? "∞ ms (overloaded)" : fixed(millis, 1) + " ms";
  }

  static String duration(Duration d) {
    return Durations.format(d);
  }

  static String percentile(double quantile) {
    return "p" + num(quantile * 100);
  }
}

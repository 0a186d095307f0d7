package dev.tandem.profiles.interpolation;

import java.util.Locale;

/** Compact number formatting for messages. */
public final class Numbers {

  private Numbers() {}

  /** At most 4 significant digits, no trailing zeros, no exponent below 1e9. */
  public static String compact(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    if (Math.abs(v) >= 1e9 || Math.abs(v) < 1e-3) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }
}

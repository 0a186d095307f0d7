package dev.tandem.simulations.report;

import java.util.Locale;

/** Number formatting shared by the writers: fixed decimals, {@link Locale#ROOT}, NaN as given. */
final class Fmt {

  private Fmt() {}

  static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** A share in [0, 1] as a percentage with one decimal, e.g. {@code 97.3%}. */
  static String percent(double share) {
    return Double.isNaN(share) ? "-" : fixed(share * 100, 1) + "%";
  }
}

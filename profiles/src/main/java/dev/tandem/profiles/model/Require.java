package dev.tandem.profiles.model;

/** Argument checks shared by the compact constructors; messages name the field, value and range. */
final class Require {

  private Require() {}

  static double positive(String field, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number > 0, got " + value);
    }
    return value;
  }

  static double nonNegative(String field, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
    }
    return value;
  }

  static long positive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
    return value;
  }

  static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-empty text");
    }
    return value;
  }
}

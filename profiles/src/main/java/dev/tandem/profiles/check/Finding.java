package dev.tandem.profiles.check;

/**
 * One thing a check or an importer found in a profile: which point, the numbers, and why it
 * matters.
 *
 * @param severity how bad it is
 * @param code a stable identifier, for example {@code prefill-throughput}
 * @param where the profile and point, for example {@code h100-tp4 prefill[3] isl=6205}
 * @param message the numbers and the reason
 */
public record Finding(Severity severity, String code, String where, String message) {

  @Override
  public String toString() {
    return severity + " " + code + " " + where + ": " + message;
  }
}

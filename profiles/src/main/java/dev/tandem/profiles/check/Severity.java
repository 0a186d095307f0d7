package dev.tandem.profiles.check;

/** How bad a finding is. */
public enum Severity {
  /** The numbers cannot be right (physically impossible or self-contradictory). */
  ERROR,
  /** The numbers are suspicious or were corrected; read the message before relying on them. */
  WARNING,
  /** Something the reader should know, for example a value the importer recomputed. */
  INFO
}

package dev.tandem.config.yaml;

/**
 * Where a value came from: a file (or other source name) and a 1-based line and column. Printed as
 * {@code file:line:column}, the form editors and terminals turn into links.
 */
public record SourceLocation(String source, int line, int column) {

  /** A location for problems that concern a whole source rather than one of its nodes. */
  public static SourceLocation ofSource(String source) {
    return new SourceLocation(source, 0, 0);
  }

  @Override
  public String toString() {
    return line <= 0 ? source : source + ":" + line + ":" + column;
  }
}

package dev.tandem.traces;

/**
 * A trace file that cannot be read as its format says. The message is {@code source:line: field:
 * problem}, for example {@code code.csv:3: TIMESTAMP: expected 'yyyy-MM-dd HH:mm:ss[.fraction]',
 * got '2023-13-16 10:00:00'}. Line numbers are 1-based physical lines (the header of a CSV file is
 * line 1).
 */
public final class TraceFormatException extends RuntimeException {

  private final String source;
  private final long line;
  private final String field;
  private final String problem;

  public TraceFormatException(String source, long line, String field, String problem) {
    super(source + ":" + line + ": " + field + ": " + problem);
    this.source = source;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  /** The file name (or the name given for a stream). */
  public String source() {
    return source;
  }

  /** The 1-based line. */
  public long line() {
    return line;
  }

  /** The column or JSON field that is wrong. */
  public String field() {
    return field;
  }

  /** What is wrong, with the offending value. */
  public String problem() {
    return problem;
  }
}

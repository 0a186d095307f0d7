package dev.tandem.traces;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the Azure LLM inference trace 2023 (Splitwise): a CSV with the columns {@code TIMESTAMP}
 * ({@code 2023-11-16 18:15:46.6805900}, wall clock without zone, up to 9 fractional digits), {@code
 * ContextTokens} and {@code GeneratedTokens}. Arrival times become integer microseconds since the
 * first request (fractions below 1 µs are truncated); requests are returned in arrival order
 * (stable for equal times).
 */
public final class AzureTraceReader {

  static final String TIMESTAMP = "TIMESTAMP";
  static final String INPUT = "ContextTokens";
  static final String OUTPUT = "GeneratedTokens";
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private AzureTraceReader() {}

  /** All requests of the file, in arrival order. */
  public static List<Request> read(Path file) {
    return toRequests(CsvTable.read(file, TIMESTAMP, INPUT, OUTPUT));
  }

  /** All requests of a stream; {@code source} names it in error messages. */
  public static List<Request> read(InputStream in, String source) {
    return toRequests(CsvTable.read(in, source, TIMESTAMP, INPUT, OUTPUT));
  }

  private static List<Request> toRequests(CsvTable table) {
    List<long[]> rows = new ArrayList<>(table.rows().size());
    long first = Long.MAX_VALUE;
    for (CsvTable.Row row : table.rows()) {
      long micros = epochMicros(table, row);
      first = Math.min(first, micros);
      rows.add(new long[] {micros, table.tokens(row, INPUT), table.tokens(row, OUTPUT)});
    }
    rows.sort(Comparator.comparingLong(r -> r[0]));
    List<Request> requests = new ArrayList<>(rows.size());
    for (long[] r : rows) {
      requests.add(new Request(r[0] - first, (int) r[1], (int) r[2]));
    }
    return requests;
  }

  private static long epochMicros(CsvTable table, CsvTable.Row row) {
    String text = table.text(row, TIMESTAMP);
    int dot = text.indexOf('.');
    String whole = dot < 0 ? text : text.substring(0, dot);
    String fraction = dot < 0 ? "" : text.substring(dot + 1);
    try {
      if (fraction.length() > 9 || !fraction.chars().allMatch(Character::isDigit)) {
        throw new DateTimeParseException("bad fraction", text, dot);
      }
      long seconds = LocalDateTime.parse(whole, SECONDS).toEpochSecond(ZoneOffset.UTC);
      long micros = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000").substring(0, 6));
      return seconds * 1_000_000L + micros;
    } catch (DateTimeParseException e) {
      throw table.error(
          row, TIMESTAMP, "expected 'yyyy-MM-dd HH:mm:ss[.fraction]', got '" + text + "'");
    }
  }
}

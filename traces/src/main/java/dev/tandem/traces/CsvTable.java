package dev.tandem.traces;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header, read whole, with typed accessors whose errors name the file, the line
 * and the column. Line numbers assume one record per physical line (true of every trace here).
 */
final class CsvTable {

  /** One data row: its values by column index and its physical line number. */
  record Row(long line, String[] values) {}

  private final String source;
  private final Map<String, Integer> columns;
  private final List<Row> rows;

  private CsvTable(String source, Map<String, Integer> columns, List<Row> rows) {
    this.source = source;
    this.columns = columns;
    this.rows = rows;
  }

  static CsvTable read(Path file, String... required) {
    try (InputStream in = TraceFiles.open(file)) {
      return read(in, file.getFileName().toString(), required);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static CsvTable read(InputStream in, String source, String... required) {
    try (Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .get()
                .parse(reader)) {
      Map<String, Integer> columns = new HashMap<>(parser.getHeaderMap());
      for (String name : required) {
        if (!columns.containsKey(name)) {
          throw new TraceFormatException(
              source,
              1,
              name,
              "missing column (header has " + String.join(", ", parser.getHeaderNames()) + ")");
        }
      }
      List<Row> rows = new ArrayList<>();
      try {
        for (CSVRecord record : parser) {
          String[] values = record.values();
          rows.add(new Row(record.getRecordNumber() + 1, values));
        }
      } catch (UncheckedIOException e) {
        // a malformed quoted field: commons-csv stops the iteration with its own message
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new TraceFormatException(
            source,
            Math.max(2, parser.getCurrentLineNumber()),
            "quoting",
            cause.getMessage().replaceFirst("^[\\w.]*CSVException: ", ""));
      }
      return new CsvTable(source, columns, rows);
    } catch (IllegalArgumentException e) {
      // commons-csv refuses a header with an empty or duplicate name while reading it
      throw new TraceFormatException(source, 1, "header", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  String source() {
    return source;
  }

  List<Row> rows() {
    return rows;
  }

  boolean has(String column) {
    return columns.containsKey(column);
  }

  String text(Row row, String column) {
    int index = columns.get(column);
    if (index >= row.values().length) {
      throw error(row, column, "missing value (row has " + row.values().length + " fields)");
    }
    return row.values()[index];
  }

  /** A token count: an integer in [0, {@link Request#MAX_TOKENS}]. */
  int tokens(Row row, String column) {
    int value = count(row, column);
    if (value > Request.MAX_TOKENS) {
      throw error(
          row,
          column,
          String.format(
              java.util.Locale.ROOT,
              "%,d tokens is above the most a trace may give one request, %,d (Request.MAX_TOKENS)",
              value,
              Request.MAX_TOKENS));
    }
    return value;
  }

  /** A non-negative integer, for example a client id. */
  int count(Row row, String column) {
    String text = text(row, column);
    try {
      int value = Integer.parseInt(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw error(row, column, "must be a non-negative integer, got '" + text + "'");
  }

  /** A finite number, or NaN for an empty cell or the literal {@code nan}. */
  double numberOrNaN(Row row, String column) {
    String text = text(row, column);
    if (text.isEmpty() || text.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw error(row, column, "must be a number, got '" + text + "'");
  }

  /** A finite number &ge; 0. */
  double nonNegative(Row row, String column) {
    double value = numberOrNaN(row, column);
    if (!(value >= 0)) {
      throw error(row, column, "must be a non-negative number, got '" + text(row, column) + "'");
    }
    return value;
  }

  TraceFormatException error(Row row, String column, String problem) {
    return new TraceFormatException(source, row.line(), column, problem);
  }
}

package dev.tandem.traces;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads Dynamo/Mooncake-style JSONL traces: one JSON object per line with {@code timestamp}
 * (milliseconds, integer or decimal), {@code input_length} and {@code output_length} (tokens);
 * other fields (for example Mooncake's {@code hash_ids}) are ignored, blank lines are skipped.
 * Arrival times become integer microseconds since the earliest timestamp (rounded to the nearest
 * µs); requests are returned in arrival order, stable for equal times.
 */
public final class JsonlTraceReader {

  static final String TIMESTAMP = "timestamp";
  static final String INPUT = "input_length";
  static final String OUTPUT = "output_length";

  private JsonlTraceReader() {}

  /** All requests of the file, in arrival order. */
  public static List<Request> read(Path file) {
    try (InputStream in = TraceFiles.open(file)) {
      return read(in, file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** All requests of a stream; {@code source} names it in error messages. */
  public static List<Request> read(InputStream in, String source) {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String text;
      long line = 0;
      while ((text = reader.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        Map<String, Object> object = FlatJson.parse(text, source, line);
        double millis = number(object, TIMESTAMP, source, line);
        if (millis < 0) {
          throw new TraceFormatException(
              source, line, TIMESTAMP, "must be >= 0 milliseconds, got " + object.get(TIMESTAMP));
        }
        rows.add(
            new double[] {
              millis, tokens(object, INPUT, source, line), tokens(object, OUTPUT, source, line)
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
    rows.sort(Comparator.comparingDouble(r -> r[0]));
    List<Request> requests = new ArrayList<>(rows.size());
    double first = rows.isEmpty() ? 0 : rows.get(0)[0];
    for (double[] r : rows) {
      requests.add(new Request(Math.round((r[0] - first) * 1000.0), (int) r[1], (int) r[2]));
    }
    return requests;
  }

  private static double number(Map<String, Object> object, String field, String source, long line) {
    Object value = object.get(field);
    if (value == null) {
      throw new TraceFormatException(source, line, field, "missing field");
    }
    if (!(value instanceof Double d) || !Double.isFinite(d)) {
      throw new TraceFormatException(source, line, field, "must be a number, got " + value);
    }
    return d;
  }

  private static int tokens(Map<String, Object> object, String field, String source, long line) {
    double value = number(object, field, source, line);
    if (value < 0 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
      throw new TraceFormatException(
          source, line, field, "must be a non-negative integer, got " + object.get(field));
    }
    return (int) value;
  }
}

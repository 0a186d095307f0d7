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
 * (milliseconds in those formats, integer or decimal), {@code input_length} and {@code
 * output_length} (tokens); other fields (for example Mooncake's {@code hash_ids}) are ignored,
 * blank lines are skipped. Arrival times become integer microseconds since the earliest timestamp
 * (rounded to the nearest µs); requests are returned in arrival order, stable for equal times.
 *
 * <p><b>Units.</b> A trace written in seconds would, read as milliseconds, arrive 1000 times too
 * fast, and nothing downstream would notice. So the unit is {@link Unit#AUTO} unless the caller
 * states it: a trace of at least {@value #AUTO_MIN_REQUESTS} requests whose timestamps, read as
 * milliseconds, imply a mean rate above {@value #SUSPICIOUS_RATE} requests per second (a seconds
 * trace read as milliseconds runs at 1000× its rate) or a span under {@value
 * #SUSPICIOUS_SPAN_SECONDS} s (an hour in seconds reads as 3.6 s) is refused with an error that
 * names the file, the field and both readings; {@link Unit#SECONDS} or {@link Unit#MILLISECONDS}
 * then says which it is. A seconds trace slower than 1 req/s and longer than 10,000 s would pass as
 * milliseconds; below that, nothing is misread. A span of 0 (every request at one instant) says
 * nothing about the unit and is not judged here.
 */
public final class JsonlTraceReader {

  static final String TIMESTAMP = "timestamp";
  static final String INPUT = "input_length";
  static final String OUTPUT = "output_length";

  /**
   * Mean rate, read as milliseconds, above which {@link Unit#AUTO} refuses a trace (req/s): a
   * seconds trace above 1 req/s exceeds it; single deployments rarely see it.
   */
  public static final double SUSPICIOUS_RATE = 1_000;

  /** Span, read as milliseconds, below which {@link Unit#AUTO} refuses a trace (s). */
  public static final double SUSPICIOUS_SPAN_SECONDS = 10;

  /** Fewest requests the {@link Unit#AUTO} check judges (a handful of requests proves nothing). */
  static final int AUTO_MIN_REQUESTS = 20;

  /** The unit of {@code timestamp}. */
  public enum Unit {
    /** Milliseconds unless the rate says otherwise, then refused (see the class comment). */
    AUTO(1000.0),
    MILLISECONDS(1000.0),
    SECONDS(1_000_000.0);

    final double micros;

    Unit(double micros) {
      this.micros = micros;
    }
  }

  private JsonlTraceReader() {}

  /** All requests of the file, in arrival order ({@link Unit#AUTO}). */
  public static List<Request> read(Path file) {
    return read(file, Unit.AUTO);
  }

  /** All requests of the file, in arrival order, with timestamps in {@code unit}. */
  public static List<Request> read(Path file, Unit unit) {
    try (InputStream in = TraceFiles.open(file)) {
      return read(in, file.getFileName().toString(), unit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** All requests of a stream; {@code source} names it in error messages ({@link Unit#AUTO}). */
  public static List<Request> read(InputStream in, String source) {
    return read(in, source, Unit.AUTO);
  }

  /** All requests of a stream with timestamps in {@code unit}. */
  public static List<Request> read(InputStream in, String source, Unit unit) {
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
              source, line, TIMESTAMP, "must be >= 0, got " + object.get(TIMESTAMP));
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
    if (unit == Unit.AUTO) {
      refuseIfSeconds(rows, source);
    }
    List<Request> requests = new ArrayList<>(rows.size());
    double first = rows.isEmpty() ? 0 : rows.get(0)[0];
    for (double[] r : rows) {
      requests.add(new Request(Math.round((r[0] - first) * unit.micros), (int) r[1], (int) r[2]));
    }
    return requests;
  }

  private static void refuseIfSeconds(List<double[]> rows, String source) {
    if (rows.size() < AUTO_MIN_REQUESTS) {
      return;
    }
    double span = rows.get(rows.size() - 1)[0] - rows.get(0)[0];
    if (span == 0) {
      // every request at one instant says nothing about the unit: no unit would make it a trace
      // over time, so the caller's own check reports the span, not a guess about seconds
      return;
    }
    double rateIfMillis = span > 0 ? (rows.size() - 1) / (span / 1000.0) : Double.POSITIVE_INFINITY;
    if (rateIfMillis > SUSPICIOUS_RATE || span / 1000.0 < SUSPICIOUS_SPAN_SECONDS) {
      throw new TraceFormatException(
          source,
          1,
          TIMESTAMP,
          String.format(
              java.util.Locale.ROOT,
              "%d requests over %s time units: as milliseconds %.0f req/s over %.3f s, as seconds"
                  + " %.2f req/s over %.0f s; the unit looks like seconds. Say which it is"
                  + " (tandem simulate --timestamp-unit s|ms)",
              rows.size(),
              new java.math.BigDecimal(span)
                  .round(new java.math.MathContext(6))
                  .stripTrailingZeros()
                  .toPlainString(),
              rateIfMillis,
              span / 1000.0,
              rateIfMillis / 1000,
              span));
    }
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
    if (value > Request.MAX_TOKENS) {
      throw new TraceFormatException(
          source,
          line,
          field,
          String.format(
              java.util.Locale.ROOT,
              "%,.0f tokens is above the most a trace may give one request, %,d"
                  + " (Request.MAX_TOKENS)",
              value,
              Request.MAX_TOKENS));
    }
    return (int) value;
  }
}

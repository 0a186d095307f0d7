package dev.tandem.traces;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which reader a request trace needs, decided by its content, not its name: a CSV named {@code
 * .txt} was once read as JSONL and failed on its first row with a JSON error that did not say a
 * format had been guessed. The first non-blank line decides: a JSON object is a Dynamo/Mooncake
 * JSONL trace, a line with commas is the header of an Azure CSV trace; anything else is refused.
 * {@link Detected#why()} says what was seen, so a caller can tell the user which format was read
 * when the name does not say it.
 */
public enum TraceFormat {
  AZURE_CSV("Azure CSV"),
  JSONL("Dynamo/Mooncake JSONL");

  /** Longest first line looked at (a binary file has no line ends). */
  static final int SNIFF_CHARS = 1 << 16;

  private final String label;

  TraceFormat(String label) {
    this.label = label;
  }

  /** A name for people: "Azure CSV", "Dynamo/Mooncake JSONL". */
  public String label() {
    return label;
  }

  /**
   * A detected format, what it was detected from, and whether the file's name says the same. {@link
   * #empty()} is true for a file with no non-blank line (its format is then the name's).
   */
  public record Detected(TraceFormat format, String why, boolean nameAgrees) {

    static final String EMPTY = "the file is empty";

    public boolean empty() {
      return EMPTY.equals(why);
    }
  }

  /** The format of {@code file} (plain or gzipped), from its first non-blank line. */
  public static Detected detect(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
    TraceFormat byName =
        name.endsWith(".jsonl") || name.endsWith(".json")
            ? JSONL
            : name.endsWith(".csv") ? AZURE_CSV : null;
    String first;
    try (InputStream in = TraceFiles.open(file)) {
      first = firstLine(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (first == null) {
      // nothing to read: the reader for the name (CSV otherwise) reports the empty file
      TraceFormat f = byName == null ? AZURE_CSV : byName;
      return new Detected(f, Detected.EMPTY, byName != null);
    }
    String line = first.replace("\uFEFF", "").strip();
    if (line.startsWith("{")) {
      return new Detected(JSONL, "its first line is a JSON object", byName == JSONL);
    }
    if (line.contains(",")) {
      return new Detected(
          AZURE_CSV, "its first line is a CSV header (" + shorten(line) + ")", byName == AZURE_CSV);
    }
    throw new TraceFormatException(
        file.getFileName().toString(),
        1,
        "format",
        "neither a JSON object (a Dynamo/Mooncake JSONL trace) nor a CSV header (an Azure trace: "
            + String.join(",", List.of("TIMESTAMP", "ContextTokens", "GeneratedTokens"))
            + "); the first line is '"
            + shorten(line)
            + "'");
  }

  /** Reads {@code file} with the reader its content needs ({@code unit} for JSONL timestamps). */
  public static List<Request> read(Path file, Detected detected, JsonlTraceReader.Unit unit) {
    return detected.format() == JSONL
        ? JsonlTraceReader.read(file, unit)
        : AzureTraceReader.read(file);
  }

  private static String firstLine(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = reader.read()) != -1 && line.length() < SNIFF_CHARS) {
      if (c == '\n' || c == '\r') {
        if (!line.toString().isBlank()) {
          return line.toString();
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    return line.toString().isBlank() ? null : line.toString();
  }

  private static String shorten(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
  }
}

package dev.tandem.traces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads length-only request sets (the Sarathi-Serve/Vidur ShareGPT and arXiv files): columns {@code
 * num_prefill_tokens} and {@code num_decode_tokens}. Use with {@link LengthSampler#pairs}.
 */
public final class LengthOnlyReader {

  private LengthOnlyReader() {}

  public static List<Lengths> read(Path file) {
    CsvTable table = CsvTable.read(file, "num_prefill_tokens", "num_decode_tokens");
    List<Lengths> out = new ArrayList<>(table.rows().size());
    for (CsvTable.Row row : table.rows()) {
      out.add(
          new Lengths(
              wholeCount(table, row, "num_prefill_tokens"),
              wholeCount(table, row, "num_decode_tokens")));
    }
    return out;
  }

  private static int wholeCount(CsvTable table, CsvTable.Row row, String column) {
    double v = table.nonNegative(row, column);
    if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
      throw table.error(
          row, column, "must be a whole number, got '" + table.text(row, column) + "'");
    }
    return (int) v;
  }
}

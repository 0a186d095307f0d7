package dev.tandem.traces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parsers of the ServeGen CSV files (see SOURCE.md beside the data for the columns). */
final class ServeGenFiles {

  private ServeGenFiles() {}

  static long key(int clientId, long windowStartSeconds) {
    return ((long) clientId << 32) ^ windowStartSeconds;
  }

  static List<ServeGenClientWindow> clientWindows(Path file) {
    CsvTable table =
        CsvTable.read(
            file, "client_id", "window_start_s", "rate_rps", "iat_cv", "iat_dist", "dist_shape");
    List<ServeGenClientWindow> out = new ArrayList<>(table.rows().size());
    for (CsvTable.Row row : table.rows()) {
      int client = table.count(row, "client_id");
      long start = windowStart(table, row);
      double rate = table.nonNegative(row, "rate_rps");
      double cv = table.numberOrNaN(row, "iat_cv");
      InterArrival dist = InterArrival.parse(table.text(row, "iat_dist"));
      if (dist == null) {
        throw table.error(
            row, "iat_dist", "must be Gamma or Weibull, got '" + table.text(row, "iat_dist") + "'");
      }
      double shape = table.numberOrNaN(row, "dist_shape");
      if (!(shape > 0)) {
        throw table.error(
            row, "dist_shape", "must be > 0, got '" + table.text(row, "dist_shape") + "'");
      }
      out.add(new ServeGenClientWindow(client, start, rate, cv, dist, shape));
    }
    return out;
  }

  /**
   * Per (client, 6-h window) input and output quantiles; with {@code perClient} false the file is
   * the traffic mix ({@code servegen_*_lengths_21600s.csv}) and the client key is -1.
   */
  static Map<Long, LengthQuantiles[]> lengths(Path file, boolean perClient) {
    CsvTable table =
        perClient
            ? CsvTable.read(file, "client_id", "window_start_s", "input_tokens_mean")
            : CsvTable.read(file, "window_start_s", "input_tokens_mean");
    Map<Long, LengthQuantiles[]> out = new HashMap<>();
    for (CsvTable.Row row : table.rows()) {
      int client = perClient ? table.count(row, "client_id") : -1;
      LengthQuantiles input = quantiles(table, row, "input_tokens");
      LengthQuantiles output = quantiles(table, row, "output_tokens");
      if (input != null && output != null) {
        out.put(key(client, windowStart(table, row)), new LengthQuantiles[] {input, output});
      }
    }
    return out;
  }

  private static LengthQuantiles quantiles(CsvTable table, CsvTable.Row row, String prefix) {
    double mean = table.numberOrNaN(row, prefix + "_mean");
    double p50 = table.numberOrNaN(row, prefix + "_p50");
    double p90 = table.numberOrNaN(row, prefix + "_p90");
    double p99 = table.numberOrNaN(row, prefix + "_p99");
    if (Double.isNaN(mean) || Double.isNaN(p50) || Double.isNaN(p90) || Double.isNaN(p99)) {
      return null;
    }
    try {
      return new LengthQuantiles(mean, p50, p90, p99);
    } catch (IllegalArgumentException e) {
      throw table.error(row, prefix + "_p50", e.getMessage());
    }
  }

  private static long windowStart(CsvTable table, CsvTable.Row row) {
    double start = table.nonNegative(row, "window_start_s");
    if (start != Math.rint(start)) {
      throw table.error(
          row,
          "window_start_s",
          "must be whole seconds, got '" + table.text(row, "window_start_s") + "'");
    }
    return (long) start;
  }
}

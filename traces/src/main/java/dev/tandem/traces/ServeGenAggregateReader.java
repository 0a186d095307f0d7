package dev.tandem.traces;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads {@code servegen_*_aggregate_600s.csv} into a {@link LoadSeries} of 10-minute steps starting
 * at second 0: rate = {@code total_rate_rps}, ISL/OSL mean = {@code est_mean_isl_tokens} / {@code
 * est_mean_osl_tokens} (covered clients only). Second moments are not published: NaN.
 *
 * <p>A window whose total rate is 0 or {@code nan}, or that has no row, is MISSING (the collection
 * had a gap; ServeGen traffic never really drops to zero): its rate is NaN and {@code missing[i]}
 * is true.
 */
public final class ServeGenAggregateReader {

  /**
   * The longest span a series may cover, s (400 days; ServeGen publishes 14). The series is dense,
   * one slot per window from second 0, so a start of 6e11 s would otherwise allocate a billion
   * slots before anything else is checked.
   */
  static final long MAX_SPAN_SECONDS = 400L * 86_400;

  private ServeGenAggregateReader() {}

  public static LoadSeries read(Path file) {
    CsvTable table = CsvTable.read(file, "window_start_s", "total_rate_rps");
    long step = ServeGenClientWindow.WINDOW_SECONDS;
    long last = -1;
    long[] starts = new long[table.rows().size()];
    for (int i = 0; i < starts.length; i++) {
      CsvTable.Row row = table.rows().get(i);
      double start = table.nonNegative(row, "window_start_s");
      if (start % step != 0) {
        throw table.error(
            row,
            "window_start_s",
            "must be a multiple of "
                + step
                + " s, got '"
                + table.text(row, "window_start_s")
                + "'");
      }
      if (start > MAX_SPAN_SECONDS) {
        throw table.error(
            row,
            "window_start_s",
            "must be at most "
                + MAX_SPAN_SECONDS
                + " s (a series covers at most 400 days from second 0), got '"
                + table.text(row, "window_start_s")
                + "'");
      }
      starts[i] = (long) start;
      if (starts[i] <= last) {
        throw table.error(
            row, "window_start_s", "windows must increase, got " + starts[i] + " after " + last);
      }
      last = starts[i];
    }
    int n = last < 0 ? 0 : (int) (last / step) + 1;
    double[] rate = nan(n);
    double[] isl = nan(n);
    double[] osl = nan(n);
    boolean[] missing = new boolean[n];
    Arrays.fill(missing, true);
    boolean hasIsl = table.has("est_mean_isl_tokens");
    boolean hasOsl = table.has("est_mean_osl_tokens");
    for (int i = 0; i < starts.length; i++) {
      CsvTable.Row row = table.rows().get(i);
      int k = (int) (starts[i] / step);
      double r = table.numberOrNaN(row, "total_rate_rps");
      if (r < 0) {
        throw table.error(
            row, "total_rate_rps", "must be >= 0, got '" + table.text(row, "total_rate_rps") + "'");
      }
      if (r > 0) {
        rate[k] = r;
        missing[k] = false;
        isl[k] = hasIsl ? table.numberOrNaN(row, "est_mean_isl_tokens") : Double.NaN;
        osl[k] = hasOsl ? table.numberOrNaN(row, "est_mean_osl_tokens") : Double.NaN;
      }
    }
    return new LoadSeries(0, step * 1_000_000L, rate, isl, nan(n), osl, nan(n), missing);
  }

  private static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}

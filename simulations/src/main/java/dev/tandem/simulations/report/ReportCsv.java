package dev.tandem.simulations.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV of the summary table and of a run's time series: a header row, then one row per policy or
 * window; {@code ,} separated, {@code \n} line ends, numbers with fixed decimals in the root
 * locale, so the same run gives the same bytes.
 */
public final class ReportCsv {

  private ReportCsv() {}

  public static final String SUMMARY_HEADER = Column.header(ReportColumns.SUMMARY);

  public static final String SERIES_HEADER = Column.header(ReportColumns.SERIES);

  public static void writeSummary(List<RunSummary> runs, Writer out) {
    write(out, table(ReportColumns.SUMMARY, runs));
  }

  public static void writeSeries(List<IntervalRow> rows, Writer out) {
    write(out, table(ReportColumns.SERIES, rows));
  }

  private static <T> CharSequence table(List<Column<T>> columns, List<T> rows) {
    StringBuilder sb = new StringBuilder(Column.header(columns)).append('\n');
    for (T row : rows) {
      for (int i = 0; i < columns.size(); i++) {
        Column<T> c = columns.get(i);
        sb.append(i == 0 ? "" : ",").append(cell(c.value().apply(row), c.decimals()));
      }
      sb.append('\n');
    }
    return sb;
  }

  private static String cell(Object v, int decimals) {
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Double d) {
      return Fmt.fixed(d, decimals);
    }
    if (v instanceof Boolean b) {
      return b ? "1" : "0";
    }
    return String.valueOf(v);
  }

  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static void write(Writer out, CharSequence s) {
    try {
      out.append(s);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.tandem.simulations.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * JSON of the summary table ({@code {"runs": [...]}}) and of a time series ({@code {"series":
 * [...]}}), field names as in the CSV; NaN is written as {@code null}. Written by hand so the bytes
 * are stable and no JSON library is needed.
 */
public final class ReportJson {

  private ReportJson() {}

  public static void writeSummary(List<RunSummary> runs, Writer out) {
    write(out, array("runs", ReportColumns.SUMMARY, runs));
  }

  public static void writeSeries(List<IntervalRow> rows, Writer out) {
    write(out, array("series", ReportColumns.SERIES, rows));
  }

  private static <T> CharSequence array(String key, List<Column<T>> columns, List<T> rows) {
    StringBuilder sb = new StringBuilder("{\"").append(key).append("\": [");
    for (int k = 0; k < rows.size(); k++) {
      sb.append(k == 0 ? "\n  " : ",\n  ");
      object(sb, columns, rows.get(k));
    }
    return sb.append("\n]}\n");
  }

  private static <T> void object(StringBuilder sb, List<Column<T>> columns, T row) {
    sb.append('{');
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('"').append(columns.get(i).name()).append("\": ");
      Object v = columns.get(i).value().apply(row);
      if (v instanceof String s) {
        sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else if (v instanceof Double d) {
        sb.append(Double.isFinite(d) ? Fmt.fixed(d, 6) : "null");
      } else {
        sb.append(v);
      }
    }
    sb.append('}');
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

package dev.tandem.simulations.report;

import java.util.ArrayList;
import java.util.List;

/** Renders run summaries as a plain-text table, one row per policy, columns aligned. */
public final class ReportTable {

  private static final String[] HEADER = {
    "policy",
    "requests",
    "TTFT ok",
    "ITL ok",
    "both ok",
    "SLA att.",
    "TTFT p50/p90/p99 ms",
    "ITL p50/p90/p99 ms",
    "goodput req/s",
    "GPU-h",
    "good req/GPU-h",
    "actions"
  };

  private ReportTable() {}

  public static String render(List<RunSummary> runs) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (RunSummary r : runs) {
      rows.add(
          new String[] {
            r.policy(),
            Long.toString(r.requests()),
            Fmt.percent(r.ttftAttainment()),
            Fmt.percent(r.itlAttainment()),
            Fmt.percent(r.bothAttainment()),
            Fmt.percent(r.slaAttainment()),
            Fmt.fixed(r.ttftP50Millis(), 1)
                + " / "
                + Fmt.fixed(r.ttftP90Millis(), 1)
                + " / "
                + Fmt.fixed(r.ttftP99Millis(), 1),
            Fmt.fixed(r.itlP50Millis(), 2)
                + " / "
                + Fmt.fixed(r.itlP90Millis(), 2)
                + " / "
                + Fmt.fixed(r.itlP99Millis(), 2),
            Fmt.fixed(r.goodputPerSecond(), 2),
            Fmt.fixed(r.gpuHours(), 3),
            Fmt.fixed(r.goodRequestsPerGpuHour(), 0),
            Long.toString(r.scalingActions())
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      String[] row = rows.get(k);
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          sb.append("  ");
        }
        sb.append(i == 0 ? padRight(row[i], widths[i]) : padLeft(row[i], widths[i]));
      }
      sb.append('\n');
      if (k == 0) {
        int total = 0;
        for (int w : widths) {
          total += w;
        }
        sb.append("-".repeat(total + 2 * (widths.length - 1))).append('\n');
      }
    }
    return sb.toString();
  }

  private static String padRight(String s, int w) {
    return s + " ".repeat(w - s.length());
  }

  private static String padLeft(String s, int w) {
    return " ".repeat(w - s.length()) + s;
  }
}

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
    StringBuilder sb = new StringBuilder("{\"runs\": [");
    String[] names = ReportCsv.SUMMARY_HEADER.split(",");
    for (int k = 0; k < runs.size(); k++) {
      RunSummary r = runs.get(k);
      Object[] values = {
        r.policy(),
        r.requests(),
        r.completed(),
        r.ttftAttainment(),
        r.itlAttainment(),
        r.bothAttainment(),
        r.slaAttainment(),
        r.slaWindows(),
        r.ttftSlaAttainment(),
        r.itlSlaAttainment(),
        r.ttftP50Millis(),
        r.ttftP90Millis(),
        r.ttftP99Millis(),
        r.itlP50Millis(),
        r.itlP90Millis(),
        r.itlP99Millis(),
        r.durationSeconds(),
        r.goodputPerSecond(),
        r.gpuHours(),
        r.goodRequestsPerGpuHour(),
        r.scalingActions(),
        r.enginesRequested(),
        r.enginesRemoved(),
        r.simulatedSeconds()
      };
      sb.append(k == 0 ? "\n  " : ",\n  ");
      object(sb, names, values);
    }
    sb.append("\n]}\n");
    write(out, sb);
  }

  public static void writeSeries(List<IntervalRow> rows, Writer out) {
    StringBuilder sb = new StringBuilder("{\"series\": [");
    String[] names = ReportCsv.SERIES_HEADER.split(",");
    for (int k = 0; k < rows.size(); k++) {
      IntervalRow r = rows.get(k);
      Object[] values = {
        r.startSeconds(),
        r.endSeconds(),
        r.arrivals(),
        r.arrivalRatePerSecond(),
        r.inputTokens(),
        r.outputTokens(),
        r.completions(),
        r.ttftP50Millis(),
        r.ttftP90Millis(),
        r.ttftP99Millis(),
        r.itlP50Millis(),
        r.itlP90Millis(),
        r.itlP99Millis(),
        r.slaCounted(),
        r.slaMet(),
        r.ttftMet(),
        r.itlMet(),
        r.prefillReady(),
        r.prefillStarting(),
        r.prefillDraining(),
        r.decodeReady(),
        r.decodeStarting(),
        r.decodeDraining(),
        r.gpusAverage()
      };
      sb.append(k == 0 ? "\n  " : ",\n  ");
      object(sb, names, values);
    }
    sb.append("\n]}\n");
    write(out, sb);
  }

  private static void object(StringBuilder sb, String[] names, Object[] values) {
    sb.append('{');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('"').append(names[i]).append("\": ");
      Object v = values[i];
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

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

  public static final String SUMMARY_HEADER =
      "policy,requests,completed,ttft_attainment,itl_attainment,both_attainment,sla_attainment,"
          + "sla_windows,sla_ttft_attainment,sla_itl_attainment,ttft_p50_ms,ttft_p90_ms,ttft_p99_ms,itl_p50_ms,itl_p90_ms,itl_p99_ms,"
          + "duration_s,goodput_per_s,gpu_hours,good_requests_per_gpu_hour,scaling_actions,"
          + "engines_requested,engines_removed,simulated_s";

  public static final String SERIES_HEADER =
      "start_s,end_s,arrivals,arrival_rate_per_s,input_tokens,output_tokens,completions,ttft_p50_ms,ttft_p90_ms,ttft_p99_ms,"
          + "itl_p50_ms,itl_p90_ms,itl_p99_ms,sla_counted,sla_met,sla_ttft_met,sla_itl_met,prefill_ready,prefill_starting,"
          + "prefill_draining,decode_ready,decode_starting,decode_draining,gpus_avg";

  public static void writeSummary(List<RunSummary> runs, Writer out) {
    StringBuilder sb = new StringBuilder(SUMMARY_HEADER).append('\n');
    for (RunSummary r : runs) {
      sb.append(quote(r.policy()))
          .append(',')
          .append(r.requests())
          .append(',')
          .append(r.completed());
      for (double v :
          new double[] {
            r.ttftAttainment(), r.itlAttainment(), r.bothAttainment(), r.slaAttainment()
          }) {
        sb.append(',').append(Fmt.fixed(v, 6));
      }
      sb.append(',').append(r.slaWindows());
      sb.append(',').append(Fmt.fixed(r.ttftSlaAttainment(), 6));
      sb.append(',').append(Fmt.fixed(r.itlSlaAttainment(), 6));
      for (double v :
          new double[] {
            r.ttftP50Millis(), r.ttftP90Millis(), r.ttftP99Millis(),
            r.itlP50Millis(), r.itlP90Millis(), r.itlP99Millis()
          }) {
        sb.append(',').append(Fmt.fixed(v, 3));
      }
      sb.append(',').append(Fmt.fixed(r.durationSeconds(), 3));
      sb.append(',').append(Fmt.fixed(r.goodputPerSecond(), 6));
      sb.append(',').append(Fmt.fixed(r.gpuHours(), 6));
      sb.append(',').append(Fmt.fixed(r.goodRequestsPerGpuHour(), 3));
      sb.append(',').append(r.scalingActions());
      sb.append(',').append(r.enginesRequested());
      sb.append(',').append(r.enginesRemoved());
      sb.append(',').append(Fmt.fixed(r.simulatedSeconds(), 6));
      sb.append('\n');
    }
    write(out, sb);
  }

  public static void writeSeries(List<IntervalRow> rows, Writer out) {
    StringBuilder sb = new StringBuilder(SERIES_HEADER).append('\n');
    for (IntervalRow r : rows) {
      sb.append(Fmt.fixed(r.startSeconds(), 3))
          .append(',')
          .append(Fmt.fixed(r.endSeconds(), 3))
          .append(',')
          .append(r.arrivals())
          .append(',')
          .append(Fmt.fixed(r.arrivalRatePerSecond(), 4))
          .append(',')
          .append(r.inputTokens())
          .append(',')
          .append(r.outputTokens())
          .append(',')
          .append(r.completions());
      for (double v :
          new double[] {
            r.ttftP50Millis(), r.ttftP90Millis(), r.ttftP99Millis(),
            r.itlP50Millis(), r.itlP90Millis(), r.itlP99Millis()
          }) {
        sb.append(',').append(Fmt.fixed(v, 3));
      }
      sb.append(',').append(r.slaCounted() ? 1 : 0);
      sb.append(',').append(r.slaMet() ? 1 : 0);
      sb.append(',').append(r.ttftMet() ? 1 : 0);
      sb.append(',').append(r.itlMet() ? 1 : 0);
      for (int v :
          new int[] {
            r.prefillReady(), r.prefillStarting(), r.prefillDraining(),
            r.decodeReady(), r.decodeStarting(), r.decodeDraining()
          }) {
        sb.append(',').append(v);
      }
      sb.append(',').append(Fmt.fixed(r.gpusAverage(), 4));
      sb.append('\n');
    }
    write(out, sb);
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

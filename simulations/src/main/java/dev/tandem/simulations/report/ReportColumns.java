package dev.tandem.simulations.report;

import static dev.tandem.simulations.report.Column.of;

import java.util.List;

/** The columns of the summary table and of the per-interval series, in file order. */
final class ReportColumns {

  private ReportColumns() {}

  static final List<Column<RunSummary>> SUMMARY =
      List.of(
          of("policy", RunSummary::policy),
          of("requests", RunSummary::requests),
          of("completed", RunSummary::completed),
          of("ttft_attainment", RunSummary::ttftAttainment, 6),
          of("itl_attainment", RunSummary::itlAttainment, 6),
          of("both_attainment", RunSummary::bothAttainment, 6),
          of("sla_attainment", RunSummary::slaAttainment, 6),
          of("sla_windows", RunSummary::slaWindows),
          of("sla_ttft_attainment", RunSummary::ttftSlaAttainment, 6),
          of("sla_itl_attainment", RunSummary::itlSlaAttainment, 6),
          of("ttft_p50_ms", RunSummary::ttftP50Millis, 3),
          of("ttft_p90_ms", RunSummary::ttftP90Millis, 3),
          of("ttft_p99_ms", RunSummary::ttftP99Millis, 3),
          of("itl_p50_ms", RunSummary::itlP50Millis, 3),
          of("itl_p90_ms", RunSummary::itlP90Millis, 3),
          of("itl_p99_ms", RunSummary::itlP99Millis, 3),
          of("duration_s", RunSummary::durationSeconds, 3),
          of("goodput_per_s", RunSummary::goodputPerSecond, 6),
          of("gpu_hours", RunSummary::gpuHours, 6),
          of("good_requests_per_gpu_hour", RunSummary::goodRequestsPerGpuHour, 3),
          of("scaling_actions", RunSummary::scalingActions),
          of("engines_requested", RunSummary::enginesRequested),
          of("engines_removed", RunSummary::enginesRemoved),
          of("simulated_s", RunSummary::simulatedSeconds, 6));

  static final List<Column<IntervalRow>> SERIES =
      List.of(
          of("start_s", IntervalRow::startSeconds, 3),
          of("end_s", IntervalRow::endSeconds, 3),
          of("arrivals", IntervalRow::arrivals),
          of("arrival_rate_per_s", IntervalRow::arrivalRatePerSecond, 4),
          of("input_tokens", IntervalRow::inputTokens),
          of("output_tokens", IntervalRow::outputTokens),
          of("completions", IntervalRow::completions),
          of("ttft_p50_ms", IntervalRow::ttftP50Millis, 3),
          of("ttft_p90_ms", IntervalRow::ttftP90Millis, 3),
          of("ttft_p99_ms", IntervalRow::ttftP99Millis, 3),
          of("itl_p50_ms", IntervalRow::itlP50Millis, 3),
          of("itl_p90_ms", IntervalRow::itlP90Millis, 3),
          of("itl_p99_ms", IntervalRow::itlP99Millis, 3),
          of("sla_counted", IntervalRow::slaCounted),
          of("sla_met", IntervalRow::slaMet),
          of("sla_ttft_met", IntervalRow::ttftMet),
          of("sla_itl_met", IntervalRow::itlMet),
          of("prefill_ready", IntervalRow::prefillReady),
          of("prefill_starting", IntervalRow::prefillStarting),
          of("prefill_draining", IntervalRow::prefillDraining),
          of("decode_ready", IntervalRow::decodeReady),
          of("decode_starting", IntervalRow::decodeStarting),
          of("decode_draining", IntervalRow::decodeDraining),
          of("gpus_avg", IntervalRow::gpusAverage, 4));
}

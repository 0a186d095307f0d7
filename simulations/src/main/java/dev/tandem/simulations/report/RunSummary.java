package dev.tandem.simulations.report;

/**
 * The table row of one policy's run, with the handbook's definitions.
 *
 * @param policy the policy's name
 * @param requests requests that arrived
 * @param completed requests that completed (equal to {@code requests} at the end of a run)
 * @param ttftAttainment share of requests with TTFT ≤ the TTFT threshold
 * @param itlAttainment share of requests with ITL (mean inter-token gap) ≤ the ITL threshold
 * @param bothAttainment share of requests meeting both thresholds
 * @param slaAttainment share of one-minute windows in which every percentile target held (among
 *     windows that observed a latency)
 * @param slaWindows windows counted for {@code slaAttainment}
 * @param ttftSlaAttainment share of counted windows whose TTFT percentile held (prefill side)
 * @param itlSlaAttainment share of counted windows whose ITL percentile held (decode side)
 * @param ttftP50Millis TTFT p50 over the run, ms
 * @param ttftP90Millis TTFT p90, ms
 * @param ttftP99Millis TTFT p99, ms
 * @param itlP50Millis ITL p50 over the run, ms
 * @param itlP90Millis ITL p90, ms
 * @param itlP99Millis ITL p99, ms
 * @param durationSeconds the load's duration: the scenario's horizon, or the last arrival
 * @param goodputPerSecond requests meeting both thresholds ÷ {@code durationSeconds}
 * @param gpuHours GPU time held by engines from request to release, h
 * @param goodRequestsPerGpuHour requests meeting both thresholds ÷ {@code gpuHours} (goodput per
 *     GPU-hour)
 * @param scalingActions decisions that changed a role's replica count (one per role changed)
 * @param enginesRequested engines requested after time 0
 * @param enginesRemoved engines removed (cancelled while starting, or drained)
 * @param simulatedSeconds simulated time until the last request completed (or the horizon)
 */
public record RunSummary(
    String policy,
    long requests,
    long completed,
    double ttftAttainment,
    double itlAttainment,
    double bothAttainment,
    double slaAttainment,
    long slaWindows,
    double ttftSlaAttainment,
    double itlSlaAttainment,
    double ttftP50Millis,
    double ttftP90Millis,
    double ttftP99Millis,
    double itlP50Millis,
    double itlP90Millis,
    double itlP99Millis,
    double durationSeconds,
    double goodputPerSecond,
    double gpuHours,
    double goodRequestsPerGpuHour,
    long scalingActions,
    long enginesRequested,
    long enginesRemoved,
    double simulatedSeconds) {}

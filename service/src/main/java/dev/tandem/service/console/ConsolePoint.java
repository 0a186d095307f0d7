package dev.tandem.service.console;

import java.time.Instant;

/**
 * One plan of one deployment as the console charts it: the load seen and forecast, the replicas per
 * role (written, ready, starting, decided, SLA-sized), the latency percentiles observed and
 * predicted, and the GPUs. Values the loop did not have (no metrics read yet, a MISSING signal) are
 * null, so a chart shows a gap instead of a made-up zero.
 *
 * @param seq position in the console's history of this deployment (increasing from 1)
 * @param at the plan's instant (simulated time under {@code serve --simulate})
 * @param observedRate arrivals over the metrics window, requests/s
 * @param forecastMean the expected mean rate over the prefill role's horizon, requests/s
 * @param forecastPeak the forecast quantile of the peak rate over that horizon: the rate the plan
 *     was sized to carry, requests/s
 * @param capacity the rate the decided counts carry within the SLA ({@link CapacityEstimator}: the
 *     profile as measured, before the learned correction), requests/s; null when unknown
 * @param prefill prefill replicas
 * @param decode decode replicas
 * @param ttftObservedMillis observed TTFT at the policy's percentile
 * @param itlObservedMillis observed ITL at the policy's percentile
 * @param ttftPredictedMillis predicted TTFT at the decided prefill count (null when overloaded)
 * @param itlPredictedMillis predicted ITL at the decided decode count (null when overloaded)
 * @param gpus GPUs of the decided counts
 * @param budgetGpus the deployment's budget
 */
public record ConsolePoint(
    long seq,
    Instant at,
    Double observedRate,
    double forecastMean,
    double forecastPeak,
    Double capacity,
    Replicas prefill,
    Replicas decode,
    Double ttftObservedMillis,
    Double itlObservedMillis,
    Double ttftPredictedMillis,
    Double itlPredictedMillis,
    int gpus,
    int budgetGpus) {

  /**
   * Replicas of one role at one plan.
   *
   * @param desired what the plan decided to write
   * @param slaSized what the SLA needs at the forecast (before stabilisation)
   * @param written what the target held when the plan was made ({@code spec.replicas}); null before
   *     the first read
   * @param ready engines serving; null before the first read
   * @param pending engines starting, not ready yet; null before the first read
   */
  public record Replicas(
      int desired, int slaSized, Integer written, Integer ready, Integer pending) {}
}

package dev.tandem.planner;

import dev.tandem.config.policy.LatencyObjective;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.sizing.LognormalStrata;
import dev.tandem.planner.sizing.PrefillBatching;
import dev.tandem.planner.sizing.PrefillQueue;
import dev.tandem.planner.sizing.PrefillSizer;
import dev.tandem.planner.sizing.PrefillSizing;
import dev.tandem.planner.sizing.ServiceTimes;
import dev.tandem.profiles.capacity.ProfileCapacity;

/**
 * The prefill role at one forecast: ISL strata of the forecast moments, service times from the
 * profile (prefix-cache hits removed, correction applied, KV transfer added when known), G/G/c
 * sizing for the TTFT percentile ({@link PrefillSizer}). A mean prompt longer than one engine's KV
 * cache is served by no number of engines: the need is then the current count and the reason says
 * so, as for decode ({@link DecodeRoleModel}).
 */
final class PrefillRoleModel implements RoleModel {

  private final LoadForecast forecast;
  private final ServiceTimes service;
  private final double arrivalScv;
  private final double prefixHitRate;
  private final LatencyObjective objective;
  private final int limit;
  private final double islCv;
  private final ProfileCapacity profile;
  private final double[] strata;
  private final int current;
  private PrefillSizing sizing;
  private int predictedEngines = -1;
  private double predicted;

  /** For predictions only (the correction's solver): the current count is not needed. */
  PrefillRoleModel(
      Deployment deployment, LoadForecast forecast, MetricsSnapshot metrics, double correction) {
    this(deployment, forecast, metrics, correction, 0);
  }

  /**
   * @param current prefill engines the plan starts from: the need when one prompt does not fit
   */
  PrefillRoleModel(
      Deployment deployment,
      LoadForecast forecast,
      MetricsSnapshot metrics,
      double correction,
      int current) {
    this.current = current;
    this.forecast = forecast;
    this.objective = deployment.policy().sla().ttft();
    // the burstiness of the last 10 minutes when the forecast knows it (one clump does not size
    // the pool), else this window's reading
    this.arrivalScv = forecast.arrivalScvOr(metrics.arrivalCv2().orElse(1.0));
    this.prefixHitRate = Math.min(1, metrics.prefixCacheHitRate().orElse(0));
    var engine = deployment.prefill().profile().engine();
    double bandwidth = engine.kvTransferBytesPerSecond().orElse(0.0);
    double transfer = bandwidth > 0 ? engine.kvBytesPerToken().orElse(0.0) / bandwidth : 0;
    double mean = forecast.inputTokensMean();
    double secondMoment = forecast.inputTokensSecondMoment();
    this.islCv = LognormalStrata.sigma(mean, secondMoment) == 0 ? 0 : cv(mean, secondMoment);
    this.profile = deployment.prefill();
    this.strata = LognormalStrata.points(mean, secondMoment);
    this.service =
        ServiceTimes.of(
            profile,
            strata,
            prefixHitRate,
            correction,
            transfer,
            profile.profile().engine().maxBatchedTokens().orElse(0));
    this.limit = RoleModel.searchLimit(deployment.policy().roles().prefill());
  }

  /** Sized on first use: the correction step only predicts, it never sizes. */
  private PrefillSizing sizing() {
    if (sizing == null) {
      sizing =
          PrefillSizer.size(
              forecast.peakRate(),
              service,
              arrivalScv,
              seconds(objective),
              objective.quantile(),
              limit);
    }
    return sizing;
  }

  /** The uncached tokens of a mean prompt. */
  private double uncachedTokens() {
    return (1 - prefixHitRate) * forecast.inputTokensMean();
  }

  /** Whether a mean prompt's KV cache fits one prefill engine. */
  private boolean fits() {
    return uncachedTokens() <= profile.profile().engine().kvCapacityTokens();
  }

  @Override
  public int need() {
    if (!fits() && forecast.peakRate() > 0) {
      // more engines do not make one prompt fit: keep what runs (at least one, for the rest)
      return Math.max(1, current);
    }
    return sizing().engines();
  }

  @Override
  public boolean met() {
    return fits() ? sizing().met() : true;
  }

  @Override
  public boolean reachable() {
    return fits() && sizing().reachable();
  }

  @Override
  public String objective() {
    return "TTFT " + Format.percentile(objective.quantile()) + " ≤ " + Format.ms(millis(objective));
  }

  @Override
  public String needSentence() {
    String load =
        Format.f(
            "forecast P%s peak %s req/s over the next %s, ISL mean %s (cv %.2f), prefix hit %.0f%%",
            Format.num(forecast.quantile() * 100),
            Format.num(forecast.peakRate()),
            Format.duration(forecast.horizon()),
            Format.num(forecast.inputTokensMean()),
            islCv,
            prefixHitRate * 100);
    if (sizing().engines() == 0) {
      return load + ": no prefill work";
    }
    if (!fits()) {
      return Format.f(
          "%s: one prompt of %s uncached tokens needs more KV cache than one prefill engine"
              + " holds, %s tokens (kvCapacityTokens of profile %s), so no number of engines"
              + " serves it; engines are not added for it: the need is the %s running",
          load,
          Format.num(uncachedTokens()),
          Format.num(profile.profile().engine().kvCapacityTokens()),
          profile.profile().metadata().name(),
          Format.num(need()));
    }
    PrefillBatching b =
        PrefillBatching.of(sizing().engines(), forecast.peakRate(), service, arrivalScv);
    String model =
        Format.f(
            "service %s %.1f ms (mean %.1f ms); G/G/%d with c_a² %.2f%s, c_s² %.2f gives TTFT %s %s",
            Format.percentile(objective.quantile()),
            sizing().servicePercentileSeconds() * 1000,
            service.meanSeconds() * 1000,
            sizing().engines(),
            arrivalScv,
            Double.isFinite(forecast.arrivalScv()) ? " (median of 10 min)" : "",
            service.scvAt(b.batchSize()),
            Format.percentile(objective.quantile()),
            Format.ms(predictMillis(sizing().engines())));
    String batching = "";
    if (service.largestBatch() > 1) {
      batching =
          Format.f(
              " (passes of up to %d tokens batch %.2f prompts on average: %s req/s per engine)",
              profile.profile().engine().maxBatchedTokens().orElse(0),
              b.batchSize(),
              Format.num(b.serviceRate()));
    }
    String verdict =
        !sizing().reachable()
            ? Format.f(
                "; unattainable: the %s prompt (≈ %s tokens) alone takes %s on an idle engine,"
                    + " above the target of %s, so no number of engines meets it; sized for %s"
                    + " instead (that best attainable %s plus a quarter for queueing, beyond"
                    + " which more engines buy little). Shorter prompts, a prefix cache or a"
                    + " faster engine would make it attainable",
                Format.percentile(objective.quantile()),
                Format.num(islAtQuantile()),
                Format.ms(sizing().servicePercentileSeconds() * 1000),
                Format.ms(millis(objective)),
                Format.ms(sizing().targetSeconds() * 1000),
                Format.ms(sizing().servicePercentileSeconds() * 1000))
            : sizing().met() ? " ≤ " + Format.ms(millis(objective)) : "; still above the target";
    return load + ": " + model + batching + verdict + beyondProfile();
  }

  /** The prompt length of the stratum at the objective's quantile (strata are equally likely). */
  private double islAtQuantile() {
    double[] sorted = strata.clone();
    java.util.Arrays.sort(sorted);
    int i = (int) Math.ceil(objective.quantile() * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** Only for the reason: the correction's solver builds this model several times per plan. */
  private String beyondProfile() {
    double largest = 0;
    for (double isl : strata) {
      largest = Math.max(largest, isl);
    }
    return MeasuredRange.prefill(profile, (1 - prefixHitRate) * largest);
  }

  @Override
  public double capacity(int engines) {
    return PrefillSizer.capacity(
        engines, service, arrivalScv, sizing().targetSeconds(), objective.quantile());
  }

  @Override
  public double predictMillis(int engines) {
    if (forecast.peakRate() <= 0 || engines <= 0) {
      return engines <= 0 ? Double.POSITIVE_INFINITY : service.percentileSeconds(q()) * 1000;
    }
    return PrefillQueue.of(engines, forecast.peakRate(), service, arrivalScv).percentileSeconds(q())
        * 1000;
  }

  private double q() {
    return objective.quantile();
  }

  private static double cv(double mean, double secondMoment) {
    return Math.sqrt(Math.max(0, secondMoment / (mean * mean) - 1));
  }

  static double seconds(LatencyObjective o) {
    return o.target().toNanos() / 1e9;
  }

  static double millis(LatencyObjective o) {
    return o.target().toNanos() / 1e6;
  }
}

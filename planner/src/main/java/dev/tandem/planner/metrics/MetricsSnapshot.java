package dev.tandem.planner.metrics;

import dev.tandem.planner.DeploymentKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What was observed of one deployment at one instant: the single input shape that the Prometheus
 * adapter and the simulator both fill. Every value carries its own health and window.
 *
 * <p>In a disaggregated deployment every request passes through both roles, so one arrival rate
 * serves both. Latency percentiles are at the policy's percentiles (p90 TTFT when the policy says
 * {@code ttft: {percentile: 90}}).
 *
 * @param deployment whose metrics these are
 * @param at the instant the snapshot describes (the end of its windows)
 * @param arrivalRate request arrivals (not completions), requests/s
 * @param inputTokensMean mean input length E[ISL], tokens
 * @param inputTokensSecondMoment E[ISL²], tokens²
 * @param outputTokensMean mean output length E[OSL], tokens
 * @param outputTokensSecondMoment E[OSL²], tokens²
 * @param arrivalCv2 squared coefficient of variation of inter-arrival times (1 for Poisson)
 * @param ttftPercentileMillis observed TTFT at the policy's TTFT percentile, ms
 * @param itlPercentileMillis observed ITL (per-request mean inter-token gap) at the policy's ITL
 *     percentile, ms
 * @param kvCacheUsage KV-cache usage of the decode engines, fraction in [0, 1]
 * @param queueDepth requests waiting for an engine
 * @param prefixCacheHitRate share of prompt tokens served from the prefix cache, in [0, 1]
 * @param dataAge how long before {@code at} the newest sample behind the windowed values was taken
 *     (a scrape interval and the query path make it seconds to tens of seconds); ZERO when unknown.
 *     A forecast of readings looks this much further ahead ({@code ReadingLag})
 */
public record MetricsSnapshot(
    DeploymentKey deployment,
    Instant at,
    Signal arrivalRate,
    Signal inputTokensMean,
    Signal inputTokensSecondMoment,
    Signal outputTokensMean,
    Signal outputTokensSecondMoment,
    Signal arrivalCv2,
    Signal ttftPercentileMillis,
    Signal itlPercentileMillis,
    Signal kvCacheUsage,
    Signal queueDepth,
    Signal prefixCacheHitRate,
    Duration dataAge) {

  public MetricsSnapshot {
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(dataAge, "dataAge");
    if (dataAge.isNegative()) {
      throw new IllegalArgumentException("dataAge must be >= 0, got " + dataAge);
    }
    for (Signal s :
        List.of(
            arrivalRate,
            inputTokensMean,
            inputTokensSecondMoment,
            outputTokensMean,
            outputTokensSecondMoment,
            arrivalCv2,
            ttftPercentileMillis,
            itlPercentileMillis,
            kvCacheUsage,
            queueDepth,
            prefixCacheHitRate)) {
      Objects.requireNonNull(s, "every signal is required (use Signal.missing)");
    }
  }

  /** A snapshot in which nothing could be read: what a failing source yields. */
  public static MetricsSnapshot missing(DeploymentKey deployment, Instant at) {
    return builder(deployment, at).build();
  }

  /**
   * True when the load signals the sizing rests on are {@link Health#OK}: arrival rate and the ISL
   * and OSL means. Only then may the planner scale up, or scale down at all.
   *
   * <p>A healthy arrival rate of exactly 0 is healthy load on its own: with no arrivals in the
   * window the length means are 0/0 (Prometheus returns NaN for {@code rate(sum)/rate(count)}, so
   * they read MISSING), yet zero traffic is a real signal that must bring the roles to their
   * minimum — and the lengths do not matter at zero rate.
   */
  public boolean loadIsHealthy() {
    if (arrivalRate.isOk() && arrivalRate.value() == 0) {
      return true;
    }
    return arrivalRate.isOk() && inputTokensMean.isOk() && outputTokensMean.isOk();
  }

  /** The unhealthy load signals by name and health, for reasons, e.g. {@code arrivalRate STALE}. */
  public List<String> unhealthyLoadSignals() {
    List<String> names = new ArrayList<>();
    if (loadIsHealthy()) {
      return List.of();
    }
    if (!arrivalRate.isOk()) {
      names.add("arrivalRate " + arrivalRate.health());
    }
    if (!inputTokensMean.isOk()) {
      names.add("inputTokensMean " + inputTokensMean.health());
    }
    if (!outputTokensMean.isOk()) {
      names.add("outputTokensMean " + outputTokensMean.health());
    }
    return List.copyOf(names);
  }

  public static Builder builder(DeploymentKey deployment, Instant at) {
    return new Builder(deployment, at);
  }

  /** Builds a snapshot; every signal not set is {@link Health#MISSING}. */
  public static final class Builder {
    private final DeploymentKey deployment;
    private final Instant at;
    private Duration window = Duration.ofMinutes(1);
    private Signal arrivalRate;
    private Signal islMean;
    private Signal islSecondMoment;
    private Signal oslMean;
    private Signal oslSecondMoment;
    private Signal arrivalCv2;
    private Signal ttft;
    private Signal itl;
    private Signal kvUsage;
    private Signal queueDepth;
    private Signal prefixHitRate;
    private Duration dataAge = Duration.ZERO;

    private Builder(DeploymentKey deployment, Instant at) {
      this.deployment = deployment;
      this.at = at;
    }

    /** The window of the values set after this call as plain numbers (default 1m). */
    public Builder window(Duration window) {
      this.window = window;
      return this;
    }

    public Builder arrivalRate(double perSecond) {
      return arrivalRate(Signal.of(perSecond, window));
    }

    public Builder arrivalRate(Signal s) {
      arrivalRate = s;
      return this;
    }

    /** ISL mean and second moment, tokens and tokens². */
    public Builder inputTokens(double mean, double secondMoment) {
      islMean = Signal.of(mean, window);
      islSecondMoment = Signal.of(secondMoment, window);
      return this;
    }

    /** OSL mean and second moment, tokens and tokens². */
    public Builder outputTokens(double mean, double secondMoment) {
      oslMean = Signal.of(mean, window);
      oslSecondMoment = Signal.of(secondMoment, window);
      return this;
    }

    public Builder arrivalCv2(double cv2) {
      arrivalCv2 = Signal.of(cv2, window);
      return this;
    }

    public Builder ttftPercentileMillis(double millis) {
      return ttftPercentileMillis(Signal.of(millis, window));
    }

    public Builder ttftPercentileMillis(Signal s) {
      ttft = s;
      return this;
    }

    public Builder itlPercentileMillis(double millis) {
      return itlPercentileMillis(Signal.of(millis, window));
    }

    public Builder itlPercentileMillis(Signal s) {
      itl = s;
      return this;
    }

    public Builder kvCacheUsage(double fraction) {
      kvUsage = Signal.of(fraction, Duration.ZERO);
      return this;
    }

    public Builder queueDepth(double requests) {
      queueDepth = Signal.of(requests, Duration.ZERO);
      return this;
    }

    public Builder prefixCacheHitRate(double fraction) {
      prefixHitRate = Signal.of(fraction, window);
      return this;
    }

    /** How old the newest sample behind the windowed values is (default ZERO: unknown). */
    public Builder dataAge(Duration age) {
      this.dataAge = age;
      return this;
    }

    public MetricsSnapshot build() {
      return new MetricsSnapshot(
          deployment,
          at,
          orMissing(arrivalRate),
          orMissing(islMean),
          orMissing(islSecondMoment),
          orMissing(oslMean),
          orMissing(oslSecondMoment),
          orMissing(arrivalCv2),
          orMissing(ttft),
          orMissing(itl),
          orMissing(kvUsage),
          orMissing(queueDepth),
          orMissing(prefixHitRate),
          dataAge);
    }

    private Signal orMissing(Signal s) {
      return s == null ? Signal.missing(window) : s;
    }
  }
}

package dev.tandem.planner;

import dev.tandem.config.policy.LatencyObjective;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.sizing.DecodeModel;
import dev.tandem.planner.sizing.DecodeSizer;
import dev.tandem.planner.sizing.DecodeSizing;
import dev.tandem.profiles.capacity.ProfileCapacity;
import dev.tandem.profiles.model.EngineSpec;

/**
 * The decode role at one forecast: context = E[ISL] + E[OSL]/2 (the mean context over a request's
 * life, the profile's convention), the ITL line there, the batch-percentile model ({@link
 * DecodeModel}) and ⌈λ / λ_e*⌉ engines ({@link DecodeSizer}).
 *
 * <p>When one request of that context needs more KV cache than one engine holds ({@code context >
 * kvCapacityTokens}), no number of engines serves it: engines are not added for it (the need is the
 * current count, {@link #reachable()} false) and the reason says so with both numbers, instead of
 * sizing for a target no engine can meet.
 */
final class DecodeRoleModel implements RoleModel {

  private final LoadForecast forecast;
  private final LatencyObjective objective;
  private final double context;
  private final DecodeModel model;
  private final int limit;
  private final ProfileCapacity profile;
  private final long kvCapacityTokens;
  private final int current;
  private DecodeSizing sizing;

  /** For predictions only (the correction's solver): the current count is not needed. */
  DecodeRoleModel(
      Deployment deployment, LoadForecast forecast, MetricsSnapshot metrics, double correction) {
    this(deployment, forecast, metrics, correction, 0);
  }

  /**
   * @param current decode engines the plan starts from: the need when one request does not fit
   */
  DecodeRoleModel(
      Deployment deployment,
      LoadForecast forecast,
      MetricsSnapshot metrics,
      double correction,
      int current) {
    this.current = current;
    this.forecast = forecast;
    this.objective = deployment.policy().sla().itl();
    this.context = Math.max(1, forecast.inputTokensMean() + forecast.outputTokensMean() / 2);
    EngineSpec engine = deployment.decode().capacity().profile().engine();
    this.kvCapacityTokens = engine.kvCapacityTokens();
    double kvBound = Math.floor(engine.kvCapacityTokens() / context);
    double maxSequences = engine.maxSequences().map(Integer::doubleValue).orElse(Double.MAX_VALUE);
    this.model =
        new DecodeModel(
            deployment.decode().at(context),
            forecast.outputTokensMean(),
            correction,
            forecast.arrivalScvOr(metrics.arrivalCv2().orElse(1.0)),
            objective.quantile(),
            kvBound,
            maxSequences);
    this.limit = RoleModel.searchLimit(deployment.policy().roles().decode());
    this.profile = deployment.decode().capacity();
  }

  /** Sized on first use: the correction step only predicts, it never sizes. */
  private DecodeSizing sizing() {
    if (sizing == null) {
      sizing =
          DecodeSizer.size(forecast.peakRate(), model, PrefillRoleModel.millis(objective), limit);
    }
    return sizing;
  }

  /** Whether one request of the forecast context fits the KV cache of one engine. */
  private boolean fits() {
    return context <= kvCapacityTokens;
  }

  @Override
  public int need() {
    if (!fits() && forecast.peakRate() > 0) {
      // more engines do not make one request fit: keep what runs (at least one, for the rest)
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
    return "ITL "
        + Format.percentile(objective.quantile())
        + " ≤ "
        + Format.ms(PrefillRoleModel.millis(objective));
  }

  @Override
  public String needSentence() {
    String load =
        Format.f(
            "forecast P%s peak %s req/s over the next %s",
            Format.num(forecast.quantile() * 100),
            Format.num(forecast.peakRate()),
            Format.duration(forecast.horizon()));
    if (sizing().engines() == 0) {
      return load + ": no decode work";
    }
    if (!fits()) {
      return Format.f(
          "%s: one request of context %s tokens (ISL %s + OSL/2 %s) needs more KV cache than one"
              + " decode engine holds, %s tokens (kvCapacityTokens of profile %s), so no number of"
              + " engines serves it; engines are not added for it: the need is the %s running",
          load,
          Format.num(context),
          Format.num(forecast.inputTokensMean()),
          Format.num(forecast.outputTokensMean() / 2),
          Format.num(kvCapacityTokens),
          profile.profile().metadata().name(),
          Format.num(need()));
    }
    double engines =
        sizing().perEngineRate() > 0 ? forecast.peakRate() / sizing().perEngineRate() : 0;
    String head =
        Format.f(
            "%s needs %s engines at %s, context %s, OSL %s",
            load,
            Format.num(engines),
            objective(),
            Format.num(context),
            Format.num(forecast.outputTokensMean()));
    String detail =
        Format.f(
            ": one engine carries %s req/s (batch %s ≤ %s, bound %s)",
            Format.num(sizing().perEngineRate()),
            Format.percentile(objective.quantile()),
            Format.num(sizing().batchLimit()),
            sizing().bound().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    String verdict =
        sizing().reachable()
            ? ""
            : Format.f(
                "; one request alone misses the target, sized for %s instead",
                Format.ms(sizing().targetMillis()));
    // only for the reason: the correction's solver builds this model several times per plan
    return head + detail + verdict + MeasuredRange.decode(profile, context);
  }

  @Override
  public double capacity(int engines) {
    return engines * sizing().perEngineRate();
  }

  @Override
  public double predictMillis(int engines) {
    return engines <= 0
        ? Double.POSITIVE_INFINITY
        : model.itlPercentileMillis(forecast.peakRate() / engines);
  }
}

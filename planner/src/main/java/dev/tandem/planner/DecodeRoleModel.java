package dev.tandem.planner;

import dev.tandem.config.policy.EngineRole;
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
 */
final class DecodeRoleModel implements RoleModel {

  private final LoadForecast forecast;
  private final LatencyObjective objective;
  private final double context;
  private final DecodeModel model;
  private final int limit;
  private final ProfileCapacity profile;
  private DecodeSizing sizing;

  DecodeRoleModel(
      Deployment deployment, LoadForecast forecast, MetricsSnapshot metrics, double correction) {
    this.forecast = forecast;
    this.objective = deployment.policy().sla().itl();
    this.context = Math.max(1, forecast.inputTokensMean() + forecast.outputTokensMean() / 2);
    EngineSpec engine = deployment.decode().capacity().profile().engine();
    double kvBound = Math.floor(engine.kvCapacityTokens() / context);
    double maxSequences = engine.maxSequences().map(Integer::doubleValue).orElse(Double.MAX_VALUE);
    this.model =
        new DecodeModel(
            deployment.decode().at(context),
            forecast.outputTokensMean(),
            correction,
            metrics.arrivalCv2().orElse(1.0),
            objective.quantile(),
            kvBound,
            maxSequences);
    EngineRole role = deployment.policy().roles().decode();
    this.limit = 4 * role.maxReplicas() + 16;
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

  @Override
  public int need() {
    return sizing().engines();
  }

  @Override
  public boolean met() {
    return sizing().met();
  }

  @Override
  public boolean reachable() {
    return sizing().reachable();
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

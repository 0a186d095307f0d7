package dev.tandem.planner;

import dev.tandem.config.policy.ForecastSettings;
import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * A one-shot recommendation for a load given by hand: what {@code tandem recommend} prints and the
 * REST dry-run serves. The load is taken as the forecast (no forecaster, no history): the planner
 * runs once with every role due, healthy metrics equal to the load, and the current counts (the
 * minimums when not given), so the plan shows both the target and the first step from the current
 * counts.
 */
public final class Recommender {

  private final Planner planner = new Planner();

  /**
   * A load.
   *
   * @param rate arrivals, requests/s
   * @param inputTokens mean ISL, tokens
   * @param inputCv coefficient of variation of ISL (0: every prompt has the mean length)
   * @param outputTokens mean OSL, tokens
   * @param outputCv coefficient of variation of OSL
   * @param arrivalCv2 squared coefficient of variation of inter-arrival times (1: Poisson)
   * @param prefixHitRate share of prompt tokens found in the prefix cache, [0, 1]
   * @param currentPrefill current prefill engines (empty: the minimum)
   * @param currentDecode current decode engines (empty: the minimum)
   */
  public record Load(
      double rate,
      double inputTokens,
      double inputCv,
      double outputTokens,
      double outputCv,
      double arrivalCv2,
      double prefixHitRate,
      OptionalInt currentPrefill,
      OptionalInt currentDecode) {

    public Load {
      check("rate", rate, rate >= 0);
      check("isl", inputTokens, inputTokens > 0);
      check("osl", outputTokens, outputTokens > 0);
      check("isl-cv", inputCv, inputCv >= 0);
      check("osl-cv", outputCv, outputCv >= 0);
      check("arrival-cv2", arrivalCv2, arrivalCv2 >= 0);
      check("prefix-hit", prefixHitRate, prefixHitRate >= 0 && prefixHitRate <= 1);
    }

    /** Fixed lengths, Poisson arrivals, no prefix cache, current counts at the minimums. */
    public static Load of(double rate, double inputTokens, double outputTokens) {
      return new Load(
          rate, inputTokens, 0, outputTokens, 0, 1, 0, OptionalInt.empty(), OptionalInt.empty());
    }

    private static void check(String name, double v, boolean ok) {
      if (!Double.isFinite(v) || !ok) {
        throw new IllegalArgumentException(name + " " + v + " is out of range");
      }
    }
  }

  public ScalingPlan recommend(Deployment deployment, Load load, Instant now) {
    return recommend(deployment, load, now, ScalingHistory.empty());
  }

  /**
   * {@link #recommend(Deployment, Load, Instant)} from a history (its corrections, its windows).
   */
  ScalingPlan recommend(Deployment deployment, Load load, Instant now, ScalingHistory history) {
    SlaPolicy policy = deployment.policy();
    Duration window = policy.metrics().window();
    MetricsSnapshot metrics =
        MetricsSnapshot.builder(deployment.key(), now)
            .window(window)
            .arrivalRate(load.rate())
            .inputTokens(load.inputTokens(), secondMoment(load.inputTokens(), load.inputCv()))
            .outputTokens(load.outputTokens(), secondMoment(load.outputTokens(), load.outputCv()))
            .arrivalCv2(load.arrivalCv2())
            .prefixCacheHitRate(load.prefixHitRate())
            .build();
    ForecastSettings f = policy.forecast();
    ReplicaStates replicas =
        ReplicaStates.steady(
            load.currentPrefill().orElse(policy.roles().prefill().minReplicas()),
            load.currentDecode().orElse(policy.roles().decode().minReplicas()));
    if (policy.roles().router().isPresent()) {
      replicas =
          replicas.with(
              Role.ROUTER,
              dev.tandem.planner.state.ReplicaState.steady(
                  policy.roles().router().get().minReplicas()));
    }
    PlannerInput in =
        PlannerInput.of(
            deployment,
            metrics,
            replicas,
            given(load, f.horizonFor(policy.behavior().prefill()), f.quantile()),
            given(load, f.horizonFor(policy.behavior().decode()), f.quantile()));
    return planner.plan(in, history, now);
  }

  private static LoadForecast given(Load load, Duration horizon, double quantile) {
    return LoadForecast.given(
        load.rate(),
        load.inputTokens(),
        load.inputCv(),
        load.outputTokens(),
        load.outputCv(),
        horizon,
        quantile);
  }

  private static double secondMoment(double mean, double cv) {
    return mean * mean * (1 + cv * cv);
  }
}

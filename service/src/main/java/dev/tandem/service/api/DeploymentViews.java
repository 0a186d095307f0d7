package dev.tandem.service.api;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import dev.tandem.planner.state.ReplicaState;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.service.ServiceSettings;
import dev.tandem.service.api.DeploymentView.Condition;
import dev.tandem.service.loop.DeploymentStatuses;
import dev.tandem.service.loop.PauseSwitch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds {@link DeploymentView}s from the running policies and what the loop recorded. */
public final class DeploymentViews {

  private final DeploymentStatuses statuses;
  private final PauseSwitch pauses;
  private final boolean forceAdvisory;

  public DeploymentViews(DeploymentStatuses statuses, PauseSwitch pauses, ServiceSettings s) {
    this.statuses = statuses;
    this.pauses = pauses;
    this.forceAdvisory = s.forceAdvisory();
  }

  public DeploymentView.Summary summary(Deployment d) {
    DeploymentKey key = d.key();
    Optional<ScalingPlan> plan = statuses.lastPlan(key);
    Map<String, Integer> desired = new LinkedHashMap<>();
    plan.ifPresent(p -> p.decisions().forEach(r -> desired.put(r.role().yamlName(), r.desired())));
    return new DeploymentView.Summary(
        key.namespace(),
        key.name(),
        mode(d),
        pauses.isPaused(key),
        desired,
        statuses.lastMetrics(key).map(MetricsSnapshot::loadIsHealthy).orElse(null),
        plan.map(ScalingPlan::at).orElse(null));
  }

  public DeploymentView view(Deployment d, List<String> policyProblems) {
    DeploymentKey key = d.key();
    List<ScalingPlan> plans = statuses.plans(key);
    Optional<ScalingPlan> last = plans.stream().findFirst();
    Optional<ReplicaStates> replicas = statuses.lastReplicas(key);
    Optional<MetricsSnapshot> metrics = statuses.lastMetrics(key);
    List<DeploymentView.RoleStatus> roles = new ArrayList<>();
    for (var role : d.policy().roles().all()) {
      Role r = role.role();
      Optional<RoleDecision> decision =
          last.filter(p -> r != Role.ROUTER || p.router().isPresent()).map(p -> p.decision(r));
      Optional<ReplicaState> state = replicas.map(s -> s.of(r));
      roles.add(
          new DeploymentView.RoleStatus(
              r.yamlName(),
              state.map(ReplicaState::desired).orElse(null),
              state.map(ReplicaState::ready).orElse(null),
              state.map(ReplicaState::starting).orElse(null),
              state.map(ReplicaState::draining).orElse(null),
              decision.map(RoleDecision::desired).orElse(null),
              decision.map(RoleDecision::target).orElse(null),
              decision.map(x -> finite(x.predictedMillis())).orElse(null),
              decision.map(x -> x.desiredWhy().toString()).orElse(null)));
    }
    Map<String, DeploymentView.ForecastView> forecast = new LinkedHashMap<>();
    last.ifPresent(
        p -> {
          forecast.put("prefill", forecast(p.prefillForecast()));
          forecast.put("decode", forecast(p.decodeForecast()));
        });
    List<DeploymentView.Decision> decisions = new ArrayList<>();
    for (ScalingPlan p : plans) {
      for (RoleDecision r : p.decisions()) {
        if (r.changes()) {
          decisions.add(
              new DeploymentView.Decision(
                  p.at(),
                  r.role().yamlName(),
                  r.current(),
                  r.desired(),
                  r.desiredWhy().reason().name(),
                  r.desiredWhy().message()));
        }
      }
    }
    return new DeploymentView(
        key.namespace(),
        key.name(),
        d.policy().origin().toString(),
        mode(d),
        pauses.isPaused(key),
        roles,
        plans.stream().map(DeploymentViews::summary).toList(),
        forecast,
        metrics.map(DeploymentViews::metrics).orElse(null),
        conditions(d, last, metrics, policyProblems),
        decisions,
        statuses.failures(key).stream()
            .map(f -> new DeploymentView.FailureView(f.at(), f.stage(), f.message()))
            .toList());
  }

  private String mode(Deployment d) {
    if (forceAdvisory) {
      return "advisory";
    }
    return d.policy().mode().name().toLowerCase(Locale.ROOT);
  }

  private List<Condition> conditions(
      Deployment d,
      Optional<ScalingPlan> last,
      Optional<MetricsSnapshot> metrics,
      List<String> policyProblems) {
    List<Condition> out = new ArrayList<>();
    DeploymentKey key = d.key();
    out.add(
        new Condition(
            "PolicyValid",
            policyProblems.isEmpty() ? "True" : "False",
            policyProblems.isEmpty() ? "Loaded" : "LastGoodVersionRunning",
            policyProblems.isEmpty()
                ? "loaded from " + d.policy().origin()
                : String.join("; ", policyProblems)));
    out.add(
        new Condition(
            "MetricsHealthy",
            metrics.map(m -> m.loadIsHealthy() ? "True" : "False").orElse("Unknown"),
            metrics.map(m -> m.loadIsHealthy() ? "AllOk" : "Unhealthy").orElse("NotRead"),
            metrics
                .map(
                    m ->
                        m.loadIsHealthy()
                            ? "every load signal is OK"
                            : "not OK: " + String.join(", ", m.unhealthyLoadSignals()))
                .orElse("no snapshot read yet")));
    boolean paused = pauses.isPaused(key);
    out.add(
        new Condition(
            "Actuating",
            !paused && !forceAdvisory && d.policy().mode().name().equals("ACTIVE")
                ? "True"
                : "False",
            paused ? "Paused" : forceAdvisory ? "ForcedAdvisory" : d.policy().mode().name(),
            paused
                ? "paused through the API: plans are made and reported, not written"
                : "mode " + mode(d)));
    out.add(
        statuses
            .backfill(key)
            .map(
                b ->
                    new Condition(
                        "ForecastWarmed",
                        b.readings() > 0 ? "True" : "False",
                        b.readings() > 0 ? "Backfilled" : "NoHistory",
                        b.describe()))
            .orElse(
                new Condition(
                    "ForecastWarmed",
                    "Unknown",
                    "NotBackfilled",
                    "not warmed from history by this process: its forecast was resumed from a"
                        + " checkpoint, or is built from live readings (tandem.forecast-backfill"
                        + " 0s), or the first tick has not run")));
    List<DeploymentStatuses.FailureRecord> failures = statuses.failures(key);
    boolean failing =
        !failures.isEmpty() && last.map(p -> !failures.get(0).at().isBefore(p.at())).orElse(true);
    out.add(
        new Condition(
            "Failing",
            failing ? "True" : "False",
            failing ? failures.get(0).stage() : "None",
            failing ? failures.get(0).message() : "the last tick had no failure"));
    return out;
  }

  private static DeploymentView.PlanSummary summary(ScalingPlan p) {
    return new DeploymentView.PlanSummary(
        p.at(),
        p.mode().name().toLowerCase(Locale.ROOT),
        p.gpus(),
        p.decisions().stream()
            .map(
                r ->
                    new DeploymentView.RoleLine(
                        r.role().yamlName(),
                        r.current(),
                        r.target(),
                        r.targetWhy().toString(),
                        r.desired(),
                        r.desiredWhy().toString(),
                        finite(r.predictedMillis()),
                        r.predictedWhy().toString(),
                        r.correction(),
                        r.correctionWhy().toString()))
            .toList());
  }

  private static DeploymentView.ForecastView forecast(LoadForecast f) {
    return new DeploymentView.ForecastView(
        f.peakRate(), f.meanRate(), f.quantile(), f.horizon().toString(), f.healthy(), f.reason());
  }

  private static DeploymentView.MetricsView metrics(MetricsSnapshot m) {
    Map<String, DeploymentView.SignalView> s = new LinkedHashMap<>();
    put(s, "arrivalRate", m.arrivalRate());
    put(s, "inputTokensMean", m.inputTokensMean());
    put(s, "outputTokensMean", m.outputTokensMean());
    put(s, "arrivalCv2", m.arrivalCv2());
    put(s, "ttftPercentileMillis", m.ttftPercentileMillis());
    put(s, "itlPercentileMillis", m.itlPercentileMillis());
    put(s, "kvCacheUsage", m.kvCacheUsage());
    put(s, "queueDepth", m.queueDepth());
    put(s, "prefixCacheHitRate", m.prefixCacheHitRate());
    return new DeploymentView.MetricsView(m.at(), m.loadIsHealthy(), s);
  }

  private static void put(Map<String, DeploymentView.SignalView> s, String name, Signal v) {
    s.put(name, new DeploymentView.SignalView(v.value(), v.health().name(), v.window().toString()));
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

package dev.tandem.service.metrics;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.metrics.Health;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import dev.tandem.planner.state.ReplicaState;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.service.loop.DeploymentStatuses;
import dev.tandem.service.policy.PolicyCatalog;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-deployment gauges, built at scrape time from the running policies and the last plan,
 * metrics snapshot and replica counts of each ({@link DeploymentStatuses}). {@code
 * tandem_desired_replicas} is the count Tandem wants written; a KEDA {@code prometheus} trigger or
 * an HPA on an external metric can act on it instead of Tandem's actuator (policy {@code mode:
 * advisory}).
 */
public final class DeploymentGauges implements MultiCollector {

  private static final Map<String, String> HELP = new LinkedHashMap<>();

  static {
    HELP.put("tandem_desired_replicas", "Replicas Tandem wants written (after stabilisation)");
    HELP.put(
        "tandem_target_replicas",
        "Replicas the SLA needs at the forecast (before the step limit and stabilisation)");
    HELP.put("tandem_current_replicas", "Replicas written on the target when the plan was made");
    HELP.put("tandem_ready_replicas", "Engines ready");
    HELP.put("tandem_pending_replicas", "Engines starting (created, not ready)");
    HELP.put("tandem_draining_replicas", "Engines draining (removed, still holding GPUs)");
    HELP.put("tandem_gpus", "GPUs of the desired replicas, by budget pool ('' without a pool)");
    HELP.put("tandem_pool_gpus", "GPUs of each GpuPool");
    HELP.put(
        "tandem_forecast_rate_requests_per_second",
        "Forecast arrival rate a role is sized for: kind=point (mean over the horizon) or"
            + " kind=quantile (the quantile of the peak)");
    HELP.put(
        "tandem_predicted_latency_seconds",
        "Predicted TTFT (prefill) or ITL (decode) percentile at the desired replicas");
    HELP.put(
        "tandem_observed_latency_seconds",
        "Observed TTFT or ITL at the policy's percentile (absent when not OK)");
    HELP.put(
        "tandem_metrics_healthy", "1 when every load signal of the last snapshot is OK, else 0");
    HELP.put(
        "tandem_metrics_signal_health",
        "Health of each signal of the last snapshot: 0 OK, 1 STALE, 2 MISSING");
    HELP.put("tandem_paused", "1 when the deployment is paused through the API");
    HELP.put(
        "tandem_sla_target_seconds",
        "The policy's TTFT (signal=ttft) or ITL (signal=itl) target at its percentile");
    HELP.put("tandem_budget_gpus", "The policy's GPU budget (spec.budget.maxGpus)");
    HELP.put(
        "tandem_observed_arrival_rate_requests_per_second",
        "Arrival rate read from the metrics source (absent when not OK)");
    HELP.put("tandem_policy_rejected_files", "Policy files whose current content is rejected");
  }

  private final PolicyCatalog catalog;
  private final DeploymentStatuses statuses;
  private final java.util.function.Predicate<DeploymentKey> paused;

  public DeploymentGauges(
      PolicyCatalog catalog,
      DeploymentStatuses statuses,
      java.util.function.Predicate<DeploymentKey> paused) {
    this.catalog = catalog;
    this.statuses = statuses;
    this.paused = paused;
  }

  @Override
  public List<String> getPrometheusNames() {
    return List.copyOf(HELP.keySet());
  }

  @Override
  public MetricSnapshots collect() {
    Map<String, List<GaugeDataPointSnapshot>> points = new LinkedHashMap<>();
    HELP.keySet().forEach(n -> points.put(n, new ArrayList<>()));
    PolicyCatalog.Catalog c = catalog.current();
    for (Deployment d : c.deployments()) {
      DeploymentKey key = d.key();
      add(points, "tandem_paused", paused.test(key) ? 1 : 0, base(key));
      policy(points, key, d);
      statuses.lastPlan(key).ifPresent(p -> plan(points, key, d, p));
      statuses.lastReplicas(key).ifPresent(r -> replicas(points, key, r));
      statuses.lastMetrics(key).ifPresent(m -> observed(points, key, m));
    }
    c.pools()
        .forEach((name, gpus) -> add(points, "tandem_pool_gpus", gpus, Labels.of("pool", name)));
    add(points, "tandem_policy_rejected_files", c.rejected().size(), Labels.EMPTY);
    List<MetricSnapshot> out = new ArrayList<>();
    points.forEach(
        (name, list) -> {
          GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(HELP.get(name));
          list.forEach(b::dataPoint);
          out.add(b.build());
        });
    return new MetricSnapshots(out);
  }

  private static void policy(
      Map<String, List<GaugeDataPointSnapshot>> points, DeploymentKey key, Deployment d) {
    var sla = d.policy().sla();
    add(
        points,
        "tandem_sla_target_seconds",
        sla.ttft().target().toNanos() / 1e9,
        base(key).add("signal", "ttft"));
    add(
        points,
        "tandem_sla_target_seconds",
        sla.itl().target().toNanos() / 1e9,
        base(key).add("signal", "itl"));
    add(points, "tandem_budget_gpus", d.policy().budget().maxGpus(), base(key));
  }

  private static void plan(
      Map<String, List<GaugeDataPointSnapshot>> points,
      DeploymentKey key,
      Deployment d,
      ScalingPlan plan) {
    for (RoleDecision r : plan.decisions()) {
      Labels l = role(key, r.role());
      add(points, "tandem_desired_replicas", r.desired(), l);
      add(points, "tandem_target_replicas", r.target(), l);
      add(points, "tandem_current_replicas", r.current(), l);
      if (r.role() != Role.ROUTER && Double.isFinite(r.predictedMillis())) {
        add(
            points,
            "tandem_predicted_latency_seconds",
            r.predictedMillis() / 1000,
            l.add("signal", r.role() == Role.PREFILL ? "ttft" : "itl"));
      }
    }
    String pool = d.policy().budget().pool().map(p -> p.name()).orElse("");
    add(points, "tandem_gpus", plan.gpus(), base(key).add("pool", pool));
    forecast(points, key, Role.PREFILL, plan.prefillForecast());
    forecast(points, key, Role.DECODE, plan.decodeForecast());
  }

  private static void forecast(
      Map<String, List<GaugeDataPointSnapshot>> points,
      DeploymentKey key,
      Role role,
      LoadForecast f) {
    Labels l = role(key, role);
    add(points, "tandem_forecast_rate_requests_per_second", f.meanRate(), l.add("kind", "point"));
    add(
        points,
        "tandem_forecast_rate_requests_per_second",
        f.peakRate(),
        l.add("kind", "quantile"));
  }

  private static void replicas(
      Map<String, List<GaugeDataPointSnapshot>> points, DeploymentKey key, ReplicaStates r) {
    for (Role role : Role.values()) {
      if (role == Role.ROUTER && r.router().isEmpty()) {
        continue;
      }
      ReplicaState s = r.of(role);
      Labels l = role(key, role);
      add(points, "tandem_ready_replicas", s.ready(), l);
      add(points, "tandem_pending_replicas", s.starting(), l);
      add(points, "tandem_draining_replicas", s.draining(), l);
    }
  }

  private static void observed(
      Map<String, List<GaugeDataPointSnapshot>> points, DeploymentKey key, MetricsSnapshot m) {
    add(points, "tandem_metrics_healthy", m.loadIsHealthy() ? 1 : 0, base(key));
    if (m.arrivalRate().isOk()) {
      add(
          points,
          "tandem_observed_arrival_rate_requests_per_second",
          m.arrivalRate().value(),
          base(key));
    }
    Map<String, Signal> signals = new LinkedHashMap<>();
    signals.put("arrival_rate", m.arrivalRate());
    signals.put("input_tokens", m.inputTokensMean());
    signals.put("output_tokens", m.outputTokensMean());
    signals.put("ttft", m.ttftPercentileMillis());
    signals.put("itl", m.itlPercentileMillis());
    signals.put("kv_cache_usage", m.kvCacheUsage());
    signals.forEach(
        (name, s) ->
            add(
                points,
                "tandem_metrics_signal_health",
                s.health().ordinal(),
                base(key).add("signal", name)));
    latency(points, key, "ttft", m.ttftPercentileMillis());
    latency(points, key, "itl", m.itlPercentileMillis());
  }

  private static void latency(
      Map<String, List<GaugeDataPointSnapshot>> points,
      DeploymentKey key,
      String signal,
      Signal s) {
    if (s.health() == Health.OK) {
      add(
          points,
          "tandem_observed_latency_seconds",
          s.value() / 1000,
          base(key).add("signal", signal));
    }
  }

  private static Labels base(DeploymentKey key) {
    return Labels.of("namespace", key.namespace(), "deployment", key.name());
  }

  private static Labels role(DeploymentKey key, Role role) {
    return base(key).add("role", role.yamlName());
  }

  private static void add(
      Map<String, List<GaugeDataPointSnapshot>> points, String name, double value, Labels l) {
    points.get(name).add(GaugeDataPointSnapshot.builder().value(value).labels(l).build());
  }

  static Optional<String> help(String name) {
    return Optional.ofNullable(HELP.get(name));
  }
}

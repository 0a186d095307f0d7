package dev.tandem.service.metrics;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.TickReport;
import dev.tandem.service.policy.PolicyCatalog;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.BooleanSupplier;

/**
 * Tandem's counters and the tick-duration histogram, registered into the {@link PrometheusRegistry}
 * that Spring Boot's actuator serves at {@code /actuator/prometheus}. The per-deployment gauges are
 * computed at scrape time from the last plans ({@link DeploymentGauges}), so a removed policy's
 * series disappear with it.
 */
public final class ServiceMetrics {

  private final Counter decisions;
  private final Counter actuationErrors;
  private final Counter loopFailures;
  private final Counter policyReloads;
  private final Histogram tickDuration;

  /**
   * {@code tandem_leader}: 1 on the replica that leads (holds the lease, or runs alone), else 0;
   * the chart's "no leader" alert sums it over the replicas.
   */
  public static void registerLeader(PrometheusRegistry registry, BooleanSupplier leader) {
    GaugeWithCallback.builder()
        .name("tandem_leader")
        .help("1 when this replica leads (holds the lease, or runs alone), else 0")
        .callback(cb -> cb.call(leader.getAsBoolean() ? 1 : 0))
        .register(registry);
  }

  public ServiceMetrics(PrometheusRegistry registry) {
    decisions =
        Counter.builder()
            .name("tandem_decisions_total")
            .help(
                "Role decisions by the reason of the count to write (SCALE_UP, SCALE_DOWN_STABILIZED,"
                    + " NO_CHANGE, ...); advisory decisions included")
            .labelNames("namespace", "deployment", "role", "reason")
            .register(registry);
    actuationErrors =
        Counter.builder()
            .name("tandem_actuation_errors_total")
            .help("Plans the actuator failed to write")
            .labelNames("namespace", "deployment")
            .register(registry);
    loopFailures =
        Counter.builder()
            .name("tandem_loop_failures_total")
            .help("Failed port calls of the loop by stage (metrics, state, plan, apply, backfill)")
            .labelNames("stage")
            .register(registry);
    policyReloads =
        Counter.builder()
            .name("tandem_policy_reloads_total")
            .help("Times the policy directory changed and was re-read")
            .register(registry);
    tickDuration =
        Histogram.builder()
            .name("tandem_tick_duration_seconds")
            .help("Wall time of one loop tick over every deployment")
            .classicUpperBounds(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
  }

  public void tick(TickReport report, double seconds) {
    tickDuration.observe(seconds);
    for (ScalingPlan plan : report.plans()) {
      DeploymentKey key = plan.deployment();
      for (RoleDecision r : plan.decisions()) {
        decisions
            .labelValues(
                key.namespace(), key.name(), r.role().yamlName(), r.desiredWhy().reason().name())
            .inc();
      }
    }
    for (TickReport.Failure f : report.failures()) {
      loopFailures.labelValues(f.stage()).inc();
      if (f.stage().equals("apply") && f.deployment().isPresent()) {
        actuationErrors
            .labelValues(f.deployment().get().namespace(), f.deployment().get().name())
            .inc();
      }
    }
  }

  public void catalogChanged(PolicyCatalog.Catalog catalog) {
    policyReloads.inc();
  }
}

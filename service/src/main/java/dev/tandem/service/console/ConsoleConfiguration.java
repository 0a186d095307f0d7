package dev.tandem.service.console;

import dev.tandem.planner.Deployment;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.service.ServiceSettings;
import dev.tandem.service.loop.DeploymentStatuses;
import dev.tandem.service.loop.PauseSwitch;
import dev.tandem.service.policy.PolicyCatalog;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console's beans. Its history listens to the loop's recorded ticks; {@code
 * tandem.console.history-points} (default 2880: a day of 30 s prefill decisions) and {@code
 * tandem.console.history-decisions} (default 500) bound its memory per deployment.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

  @Bean
  ConsoleHistory consoleHistory(
      DeploymentStatuses statuses,
      PolicyCatalog catalog,
      @Value("${tandem.console.history-points:2880}") int points,
      @Value("${tandem.console.history-decisions:500}") int decisions) {
    ConsoleHistory history = new ConsoleHistory(points, decisions);
    CapacityEstimator capacity = new CapacityEstimator();
    statuses.onRecord(
        report -> {
          for (ScalingPlan plan : report.plans()) {
            Optional<Deployment> d = catalog.current().find(plan.deployment());
            Optional<MetricsSnapshot> metrics = statuses.lastMetrics(plan.deployment());
            history.record(
                plan,
                metrics,
                statuses.lastReplicas(plan.deployment()),
                d.map(x -> x.policy().budget().maxGpus()).orElse(0),
                d.flatMap(x -> capacity.capacity(x, plan, metrics)));
          }
        });
    return history;
  }

  @Bean
  ConsoleViews consoleViews(
      DeploymentStatuses statuses,
      PauseSwitch pauses,
      ConsoleHistory history,
      ServiceSettings settings) {
    return new ConsoleViews(statuses, pauses, history, settings.forceAdvisory());
  }
}

package dev.tandem.service;

import dev.tandem.service.cluster.ClusterPorts;
import dev.tandem.service.cluster.LeaderElection;
import dev.tandem.service.loop.DeploymentStatuses;
import dev.tandem.service.loop.LoopRunner;
import dev.tandem.service.loop.PauseSwitch;
import dev.tandem.service.metrics.DeploymentGauges;
import dev.tandem.service.metrics.ServiceMetrics;
import dev.tandem.service.policy.PolicyCatalog;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own beans: catalog, loop, statuses, metrics and the readiness check. */
@Configuration(proxyBeanMethods = false)
public class ServiceConfiguration {

  @Bean
  PolicyCatalog policyCatalog(ServiceSettings settings) {
    return new PolicyCatalog(settings.policies());
  }

  @Bean
  DeploymentStatuses deploymentStatuses(ServiceSettings settings) {
    return new DeploymentStatuses(settings.api().recentPlans());
  }

  @Bean
  PauseSwitch pauseSwitch() {
    return new PauseSwitch();
  }

  @Bean
  ServiceMetrics serviceMetrics(
      PrometheusRegistry registry,
      PolicyCatalog catalog,
      DeploymentStatuses statuses,
      PauseSwitch pauses) {
    registry.register(new DeploymentGauges(catalog, statuses, pauses::isPaused));
    return new ServiceMetrics(registry);
  }

  @Bean
  LoopRunner loopRunner(
      ServiceSettings settings,
      PolicyCatalog catalog,
      ClusterPorts ports,
      LeaderElection leader,
      Clock clock,
      DeploymentStatuses statuses,
      PauseSwitch pauses,
      ServiceMetrics metrics) {
    return new LoopRunner(settings, catalog, ports, leader, clock, statuses, pauses, metrics);
  }

  /**
   * Readiness: the policy directory has been read and, when leader election is on, the election
   * joined. Part of the {@code readiness} health group (application.yaml).
   */
  @Bean
  HealthIndicator tandemHealthIndicator(PolicyCatalog catalog, LeaderElection leader) {
    return () -> {
      PolicyCatalog.Catalog c = catalog.current();
      Health.Builder b = c.loaded() && leader.joined() ? Health.up() : Health.outOfService();
      return b.withDetail("policiesLoaded", c.loaded())
          .withDetail("deployments", c.deployments().size())
          .withDetail("rejectedFiles", c.rejected().size())
          .withDetail("electionJoined", leader.joined())
          .withDetail("leader", leader.isLeader())
          .build();
    };
  }
}

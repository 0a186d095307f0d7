package dev.tandem.service.cluster;

import dev.tandem.k8s.ActuatorSettings;
import dev.tandem.k8s.KubernetesActuator;
import dev.tandem.k8s.KubernetesReplicaStateReader;
import dev.tandem.metrics.PrometheusMetricsSource;
import dev.tandem.metrics.PrometheusSettings;
import dev.tandem.planner.Deployment;
import dev.tandem.service.ServiceSettings;
import dev.tandem.service.policy.PolicyCatalog;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The real adapters, built from {@link ServiceSettings}: the Prometheus {@code MetricsSource}
 * ({@code tandem.prometheus.*}) and the Kubernetes state reader and actuator over the {@link
 * KubernetesClient} of {@link KubernetesClientConfiguration} ({@code tandem.kubernetes.*}), and the
 * Lease-based leader election when {@code tandem.leader-election.enabled}.
 *
 * <p>A {@link ClusterPorts} or {@link LeaderElection} bean registered before the context refreshes
 * (the cli's simulator wiring, tests) wins.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterAdapterConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ClusterPorts clusterPorts(
      ServiceSettings settings,
      PolicyCatalog catalog,
      ObjectProvider<KubernetesClient> client,
      LeaderElection leader) {
    PrometheusMetricsSource metrics =
        PrometheusMetricsSource.create(
            prometheus(settings.prometheus()),
            key -> catalog.current().find(key).map(Deployment::policy));
    KubernetesClient kubernetes = client.getObject();
    // policies in advisory mode never reach the actuator; force-advisory makes every policy so
    ActuatorSettings actuator = ActuatorSettings.defaults().withAdvisory(settings.forceAdvisory());
    return new ClusterPorts(
        metrics,
        new KubernetesReplicaStateReader(kubernetes, actuator),
        new KubernetesActuator(kubernetes, actuator, leader::isLeader),
        "prometheus " + settings.prometheus().url() + " + kubernetes " + kubernetes.getMasterUrl());
  }

  @Bean(destroyMethod = "stop")
  @ConditionalOnMissingBean
  LeaderElection leaderElection(ServiceSettings settings, ObjectProvider<KubernetesClient> client) {
    ServiceSettings.LeaderElection le = settings.leaderElection();
    if (!le.enabled()) {
      return LeaderElection.alone();
    }
    dev.tandem.k8s.LeaderElection.Settings lease =
        new dev.tandem.k8s.LeaderElection.Settings(
            le.leaseNamespace(),
            le.leaseName(),
            identity(),
            le.leaseDuration(),
            le.leaseDuration().multipliedBy(2).dividedBy(3),
            le.leaseDuration().dividedBy(7).plusMillis(1));
    dev.tandem.k8s.LeaderElection election =
        new dev.tandem.k8s.LeaderElection(
            client.getObject(),
            lease,
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "tandem-leader-election");
                  t.setDaemon(true);
                  return t;
                }));
    return new LeaderElection() {
      @Override
      public void start() {
        election.start();
      }

      @Override
      public void stop() {
        election.close();
      }

      @Override
      public boolean isLeader() {
        return election.isLeader();
      }

      @Override
      public boolean joined() {
        return election.joined();
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The Prometheus client's settings from {@code tandem.prometheus.*}. */
  static PrometheusSettings prometheus(ServiceSettings.Prometheus p) {
    PrometheusSettings.Builder b =
        PrometheusSettings.builder(URI.create(p.url()))
            .timeout(p.timeout())
            .dispersion(p.dispersionInterval(), p.dispersionRange());
    if (!p.bearerTokenFile().isBlank()) {
      b.bearerTokenFile(Path.of(p.bearerTokenFile()));
    }
    if (!p.caFile().isBlank()) {
      b.caFile(Path.of(p.caFile()));
    }
    return b.build();
  }

  /**
   * This replica's identity in the Lease: the pod name (the chart sets POD_NAME), else the host.
   */
  private static String identity() {
    String pod = System.getenv("POD_NAME");
    if (pod != null && !pod.isBlank()) {
      return pod;
    }
    String host = System.getenv("HOSTNAME");
    return host != null && !host.isBlank() ? host : "tandem-" + ProcessHandle.current().pid();
  }
}

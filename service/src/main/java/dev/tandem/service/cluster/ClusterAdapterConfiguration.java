package dev.tandem.service.cluster;

import dev.tandem.service.ServiceSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MERGE POINT: where the real adapters are built from {@link ServiceSettings}.
 *
 * <p>A {@link ClusterPorts} bean registered before the context refreshes (the cli's simulator
 * wiring, tests) wins. Otherwise this class must build one from {@code tandem.prometheus.*} (a
 * {@code dev.tandem.metrics.PrometheusMetricsSource} from a {@code PrometheusSettings}) and {@code
 * tandem.kubernetes.*} (a {@code dev.tandem.k8s.KubernetesReplicaStateReader} and {@code
 * KubernetesActuator} over the {@code KubernetesClient} bean of {@link
 * KubernetesClientConfiguration}). Until those adapters are merged it fails at start-up with a
 * message saying so: the service never runs against a cluster doing nothing.
 *
 * <p>Likewise the {@link LeaderElection}: without {@code tandem.leader-election.enabled} the
 * replica always leads; with it, the Lease-based election of the k8s adapter belongs here.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterAdapterConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ClusterPorts clusterPorts(ServiceSettings settings) {
    throw new IllegalStateException(
        "tandem serve cannot run against a cluster in this build: no Prometheus MetricsSource and"
            + " no Kubernetes ScaleActuator/ReplicaStateReader are wired (ClusterAdapterConfiguration"
            + " is the merge point for dev.tandem.metrics.PrometheusMetricsSource and"
            + " dev.tandem.k8s.KubernetesActuator). Use `tandem serve --simulate` to run against"
            + " the simulator; policies were to be read from "
            + settings.policies());
  }

  @Bean
  @ConditionalOnMissingBean
  LeaderElection leaderElection(ServiceSettings settings) {
    if (settings.leaderElection().enabled()) {
      throw new IllegalStateException(
          "tandem.leader-election.enabled=true but no Lease-based LeaderElection is wired in this"
              + " build (ClusterAdapterConfiguration is the merge point for the k8s adapter's"
              + " election); set it to false to run a single replica");
    }
    return LeaderElection.alone();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}

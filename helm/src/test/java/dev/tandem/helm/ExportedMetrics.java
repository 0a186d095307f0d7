package dev.tandem.helm;

import dev.tandem.service.loop.DeploymentStatuses;
import dev.tandem.service.metrics.DeploymentGauges;
import dev.tandem.service.metrics.ServiceMetrics;
import dev.tandem.service.policy.PolicyCatalog;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names the service exposes at /actuator/prometheus, read by registering the service's
 * own collectors (the same calls its configuration makes) into a fresh registry and listing what
 * they collect.
 */
final class ExportedMetrics {

  private ExportedMetrics() {}

  static Set<String> names() {
    try {
      PrometheusRegistry registry = new PrometheusRegistry();
      PolicyCatalog catalog = new PolicyCatalog(Files.createTempDirectory("no-policies"));
      registry.register(new DeploymentGauges(catalog, new DeploymentStatuses(1), key -> false));
      ServiceMetrics.registerLeader(registry, () -> true);
      new ServiceMetrics(registry);
      Set<String> names = new TreeSet<>();
      // every collector's snapshots, with or without data points yet (text exposition would
      // leave out a family that has no sample, such as a counter before its first increment)
      for (MetricSnapshot m : registry.scrape()) {
        String name = m.getMetadata().getPrometheusName();
        names.add(m instanceof CounterSnapshot ? name + "_total" : name);
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.tandem.helm;

import dev.tandem.service.loop.DeploymentStatuses;
import dev.tandem.service.metrics.DeploymentGauges;
import dev.tandem.service.metrics.ServiceMetrics;
import dev.tandem.service.policy.PolicyCatalog;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names the service exposes at /actuator/prometheus, read by registering the service's
 * own collectors (the same calls its configuration makes) into a fresh registry and writing the
 * exposition text.
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
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
      Set<String> names = new TreeSet<>();
      for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("# TYPE ")) {
          String[] parts = line.split(" ");
          names.add(parts[2]);
          if (parts[3].equals("counter")) {
            names.add(parts[2] + "_total");
          }
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

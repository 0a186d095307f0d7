package dev.tandem.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard parses, and every metric its queries and the chart's alerts name is one the
 * service exports: a renamed metric would otherwise leave an empty panel or a silent alert.
 */
class DashboardTest {

  private static final Pattern METRIC = Pattern.compile("\\b(tandem_[a-z_]+)");

  @Test
  void everyQueryOfTheDashboardNamesAnExportedMetric() throws IOException {
    JsonNode dashboard =
        new ObjectMapper()
            .readTree(Files.readString(Chart.dir().resolve("dashboards/tandem.json")));
    List<String> queries = new ArrayList<>();
    dashboard
        .get("panels")
        .forEach(p -> p.get("targets").forEach(t -> queries.add(t.get("expr").asText())));
    dashboard
        .get("templating")
        .get("list")
        .forEach(
            v -> {
              if (v.has("query") && v.get("query").isTextual()) {
                queries.add(v.get("query").asText());
              }
            });

    assertThat(dashboard.get("panels")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(namesIn(queries)).isNotEmpty().isSubsetOf(ExportedMetrics.names());
  }

  @Test
  void everyAlertNamesAnExportedMetric() {
    String rules = Chart.render("prometheusRule: {enabled: true}\n");
    Set<String> named = namesIn(List.of(rules.substring(rules.indexOf("kind: PrometheusRule"))));

    assertThat(named)
        .contains("tandem_metrics_healthy", "tandem_leader", "tandem_sla_target_seconds");
    assertThat(named).isSubsetOf(ExportedMetrics.names());
  }

  private static Set<String> namesIn(List<String> queries) {
    Set<String> names = new TreeSet<>();
    for (String q : queries) {
      Matcher m = METRIC.matcher(q);
      while (m.find()) {
        names.add(m.group(1).replaceAll("_(bucket|count|sum)$", ""));
      }
    }
    return names;
  }
}

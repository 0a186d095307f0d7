package dev.tandem.metrics;

import dev.tandem.config.policy.MetricSignal;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.Health;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * {@code tandem metrics check}: reads every signal of every policy once, as the control loop would,
 * and explains each one — the PromQL sent, the series that matched, the value, its health and why.
 * When a signal found no series it asks Prometheus which label values the metric does have ({@code
 * /api/v1/label/<name>/values?match[]=<metric>}), so that a wrong {@code model_name} or a renamed
 * metric shows up in one run.
 */
public final class MetricsDoctor {

  /** The queries behind each signal, whose metrics are probed when the signal found nothing. */
  private static final Map<MetricSignal, List<QueryKind>> SOURCES =
      new EnumMap<>(MetricSignal.class);

  static {
    SOURCES.put(
        MetricSignal.REQUEST_RATE, List.of(QueryKind.COMPLETIONS, QueryKind.IN_FLIGHT_CHANGE));
    SOURCES.put(MetricSignal.INPUT_TOKENS_MEAN, List.of(QueryKind.INPUT_TOKENS_SUM));
    SOURCES.put(MetricSignal.INPUT_TOKENS_SECOND_MOMENT, List.of(QueryKind.INPUT_TOKENS_BUCKETS));
    SOURCES.put(MetricSignal.OUTPUT_TOKENS_MEAN, List.of(QueryKind.OUTPUT_TOKENS_SUM));
    SOURCES.put(MetricSignal.OUTPUT_TOKENS_SECOND_MOMENT, List.of(QueryKind.OUTPUT_TOKENS_BUCKETS));
    SOURCES.put(
        MetricSignal.ARRIVAL_CV2, List.of(QueryKind.SCRAPE_SPACING, QueryKind.ARRIVAL_DISPERSION));
    SOURCES.put(MetricSignal.TTFT_PERCENTILE, List.of(QueryKind.TTFT_BUCKETS));
    SOURCES.put(MetricSignal.ITL_PERCENTILE, List.of(QueryKind.ITL_BUCKETS));
    SOURCES.put(MetricSignal.KV_CACHE_USAGE, List.of(QueryKind.KV_CACHE_USAGE));
    SOURCES.put(MetricSignal.QUEUE_DEPTH, List.of(QueryKind.QUEUE_DEPTH));
    SOURCES.put(MetricSignal.PREFIX_CACHE_HIT_RATE, List.of(QueryKind.PREFIX_CACHE_HIT_RATE));
  }

  /** The doctor's findings: the text to print and whether every signal was OK. */
  public record Report(String text, boolean allOk, int httpCalls) {}

  private final PrometheusSettings settings;

  public MetricsDoctor(PrometheusSettings settings) {
    this.settings = settings;
  }

  public Report check(List<SlaPolicy> policies, Instant now) {
    PrometheusMetricsSource source = PrometheusMetricsSource.forPolicies(settings, policies);
    MetricsReadout readout = source.read(policies.stream().map(DeploymentKey::of).toList(), now);
    StringBuilder out = new StringBuilder();
    boolean allOk = true;
    int probes = 0;
    for (SlaPolicy p : policies) {
      Map<String, List<String>> probed = new java.util.HashMap<>();
      DeploymentReading r = readout.deployments().get(DeploymentKey.of(p));
      out.append(heading(p)).append('\n');
      for (MetricSignal s : MetricSignal.values()) {
        SignalReading sr = r.signal(s);
        allOk &= sr.value().health() == Health.OK;
        out.append(
            String.format(
                Locale.ROOT,
                "  %-26s %-7s %-12s series %d  %s%n",
                s.yamlName(),
                sr.value().health(),
                value(s, sr),
                sr.matchedSeries(),
                sr.reason()));
        if (sr.value().health() == Health.MISSING && sr.reason().contains("0 series")) {
          for (String hint : probe(source.client(), p, s, now, probed)) {
            out.append("      hint: ").append(hint).append('\n');
            probes++;
          }
        }
        for (String q : sr.promql()) {
          out.append("      promql: ").append(q).append('\n');
        }
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d %s, %d queries (%d HTTP calls) plus %d label probes%n",
            policies.size(),
            policies.size() == 1 ? "policy" : "policies",
            readout.queries().size(),
            readout.httpCalls(),
            probes));
    return new Report(out.toString(), allOk, readout.httpCalls());
  }

  private static String heading(SlaPolicy p) {
    StringBuilder b =
        new StringBuilder(
            p.key()
                + "  preset "
                + p.metrics().preset().yamlName()
                + ", window "
                + PromQl.duration(p.metrics().window()));
    if (!p.metrics().labels().isEmpty()) {
      b.append(", labels ").append(p.metrics().labels());
    }
    if (!p.metrics().queries().isEmpty()) {
      b.append(", overrides ")
          .append(p.metrics().queries().keySet().stream().map(MetricSignal::yamlName).toList());
    }
    return b.toString();
  }

  private static String value(MetricSignal s, SignalReading r) {
    if (r.value().health() == Health.MISSING) {
      return "-";
    }
    String unit =
        switch (s) {
          case REQUEST_RATE -> "/s";
          case TTFT_PERCENTILE, ITL_PERCENTILE -> " ms";
          default -> "";
        };
    return String.format(Locale.ROOT, "%.4g", r.value().value()) + unit;
  }

  /**
   * For each metric behind the signal: does it exist at all, and which values do its namespace and
   * policy labels take?
   */
  private List<String> probe(
      PrometheusClient client,
      SlaPolicy p,
      MetricSignal s,
      Instant now,
      Map<String, List<String>> probed) {
    if (p.metrics().queries().containsKey(s)) {
      return List.of("the override returned nothing: run it in the Prometheus UI");
    }
    Preset preset = Preset.of(p.metrics().preset());
    List<String> hints = new ArrayList<>();
    TreeSet<String> metrics = new TreeSet<>();
    SOURCES.get(s).forEach(k -> metrics.addAll(preset.metricsOf(k)));
    Map<String, String> wanted = new java.util.LinkedHashMap<>();
    wanted.put(settings.namespaceLabel(), p.namespace());
    wanted.putAll(p.metrics().labels());
    long end = now.getEpochSecond();
    for (String metric : metrics) {
      if (probed.containsKey(metric)) {
        continue; // already explained under an earlier signal of this policy
      }
      int before = hints.size();
      boolean exists = false;
      for (Map.Entry<String, String> w : wanted.entrySet()) {
        Optional<List<String>> values = labelValues(client, w.getKey(), metric, end);
        if (values.isEmpty()) {
          hints.add("could not ask Prometheus for the label values of " + metric);
          break;
        }
        if (!values.get().isEmpty()) {
          exists = true;
        }
        if (!values.get().contains(w.getValue()) && !values.get().isEmpty()) {
          hints.add(
              String.format(
                  "0 series: no metric %s with %s=\"%s\"; found %s values: %s",
                  metric, w.getKey(), w.getValue(), w.getKey(), quoted(values.get())));
        }
        if (values.get().isEmpty() && w.getKey().equals(settings.namespaceLabel())) {
          break;
        }
      }
      if (!exists) {
        hints.add(
            "no series of "
                + metric
                + " in the last hour at all, or none with a "
                + settings.namespaceLabel()
                + " label: is the engine scraped, and is this the name its version exports"
                + " (see METRICS.md for renamed metrics)?");
      }
      probed.put(metric, List.copyOf(hints.subList(before, hints.size())));
    }
    return hints;
  }

  private static Optional<List<String>> labelValues(
      PrometheusClient client, String label, String metric, long endSeconds) {
    String path =
        "/api/v1/label/"
            + label
            + "/values?match%5B%5D="
            + URLEncoder.encode(metric, StandardCharsets.UTF_8)
            + "&start="
            + (endSeconds - 3600)
            + "&end="
            + endSeconds;
    return client
        .getJson(path)
        .map(
            json -> {
              List<String> values = new ArrayList<>();
              for (JsonNode v : json.path("data")) {
                values.add(v.asString(""));
              }
              return values;
            });
  }

  private static String quoted(List<String> values) {
    List<String> shown = values.size() > 10 ? values.subList(0, 10) : values;
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < shown.size(); i++) {
      b.append(i > 0 ? ", " : "").append('"').append(shown.get(i)).append('"');
    }
    if (values.size() > shown.size()) {
      b.append(", … (").append(values.size()).append(" in all)");
    }
    return b.append(']').toString();
  }
}

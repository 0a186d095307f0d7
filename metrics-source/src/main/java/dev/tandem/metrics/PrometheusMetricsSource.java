package dev.tandem.metrics;

import dev.tandem.config.policy.MetricSignal;
import dev.tandem.config.policy.MetricsPreset;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import dev.tandem.planner.ports.MetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The planner's {@link MetricsSource} over a Prometheus-compatible HTTP API.
 *
 * <p><b>Batched.</b> Deployments are grouped by (preset, window, the policy's label names); each
 * group sends the 14 queries of {@link QueryKind} once (13 for the Dynamo preset, which has no KV
 * gauge; the scrape interval first, since the burstiness counts are fitted to it), selecting all
 * its deployments with {@code namespace=~"a|b"} and one regex per label name and summing {@code by
 * (namespace, <label names>)}. A deployment's series is the one whose labels equal its namespace
 * and label values. A tick therefore makes {@code 14 × groups + overrides} HTTP calls (plus
 * retries), whatever the number of deployments: one group of 500 vLLM deployments with {@code
 * labels: {model_name: …}} costs 14 calls. Per-signal overrides ({@code spec.metrics.queries}) are
 * sent per deployment, since their PromQL is the policy's own.
 *
 * <p><b>Overrides</b> may use {@code $namespace}, {@code $window} (e.g. {@code 1m}) and {@code
 * $labels} (the policy's label matchers, comma-separated, for use inside braces); they must return
 * exactly one series, in the signal's unit (percentiles in seconds, as in {@link MetricSignal}).
 *
 * <p><b>Health</b> is data: a failed query, an empty result, NaN, ±Inf, a negative value or several
 * series where one is expected reads MISSING with the problem as the reason; a deployment whose
 * newest gauge sample is older than {@link PrometheusSettings#staleAfter()} reads STALE. Policies
 * come from a function so that the service can reload them at run time.
 *
 * <p>Holds no state between ticks: thread-safe as long as the policy function is.
 */
public final class PrometheusMetricsSource implements MetricsSource {

  private final PrometheusClient client;
  private final Function<DeploymentKey, Optional<SlaPolicy>> policies;

  public PrometheusMetricsSource(
      PrometheusClient client, Function<DeploymentKey, Optional<SlaPolicy>> policies) {
    this.client = client;
    this.policies = policies;
  }

  /** The one-line wiring: a source reading {@code settings}' Prometheus for these policies. */
  public static PrometheusMetricsSource create(
      PrometheusSettings settings, Function<DeploymentKey, Optional<SlaPolicy>> policies) {
    return new PrometheusMetricsSource(new PrometheusClient(settings), policies);
  }

  /** A source over a fixed set of policies (the doctor, tests). */
  public static PrometheusMetricsSource forPolicies(
      PrometheusSettings settings, Collection<SlaPolicy> policies) {
    Map<DeploymentKey, SlaPolicy> byKey = new LinkedHashMap<>();
    policies.forEach(p -> byKey.put(DeploymentKey.of(p), p));
    return create(settings, k -> Optional.ofNullable(byKey.get(k)));
  }

  public PrometheusClient client() {
    return client;
  }

  @Override
  public Map<DeploymentKey, MetricsSnapshot> snapshot(
      Collection<DeploymentKey> deployments, Instant now) {
    return read(deployments, now).snapshots();
  }

  /** The full reading: snapshots plus, per signal, the PromQL, series and reasons. */
  public MetricsReadout read(Collection<DeploymentKey> deployments, Instant now) {
    PrometheusSettings settings = client.settings();
    long deadline = System.nanoTime() + settings.tickDeadline().toNanos();
    Map<DeploymentKey, DeploymentReading> out = new LinkedHashMap<>();
    List<QueryResult> sent = new ArrayList<>();
    Map<GroupKey, List<SlaPolicy>> groups = new LinkedHashMap<>();
    for (DeploymentKey d : new TreeSet<>(deployments)) {
      Optional<SlaPolicy> p = policies.apply(d);
      if (p.isEmpty()) {
        out.put(d, allMissing(d, now, "no policy for deployment " + d));
      } else {
        groups.computeIfAbsent(GroupKey.of(p.get()), g -> new ArrayList<>()).add(p.get());
      }
    }
    groups.forEach(
        (group, members) -> readGroup(group, members, now, deadline, settings, sent, out));
    return new MetricsReadout(out, sent);
  }

  /** Deployments that one set of queries can serve together. */
  private record GroupKey(MetricsPreset preset, Duration window, List<String> labelNames) {
    static GroupKey of(SlaPolicy p) {
      return new GroupKey(
          p.metrics().preset(),
          p.metrics().window(),
          List.copyOf(new TreeSet<>(p.metrics().labels().keySet())));
    }
  }

  private void readGroup(
      GroupKey group,
      List<SlaPolicy> members,
      Instant now,
      long deadline,
      PrometheusSettings settings,
      List<QueryResult> sent,
      Map<DeploymentKey, DeploymentReading> out) {
    List<String> by = new ArrayList<>();
    by.add(settings.namespaceLabel());
    by.addAll(group.labelNames());
    List<String> matchers = new ArrayList<>();
    matchers.add(
        PromQl.anyOf(
            settings.namespaceLabel(), members.stream().map(SlaPolicy::namespace).toList()));
    for (String label : group.labelNames()) {
      matchers.add(
          PromQl.anyOf(label, members.stream().map(p -> p.metrics().labels().get(label)).toList()));
    }
    PresetQueries configured =
        new PresetQueries(
            Preset.of(group.preset()),
            by,
            String.join(", ", matchers),
            group.window(),
            settings.dispersionInterval(),
            settings.dispersionRange());
    GroupResults results = new GroupResults(by);
    String spacingQuery = configured.scrapeSpacing();
    QueryResult spacing = client.query(spacingQuery, now, deadline);
    sent.add(spacing);
    results.put(QueryKind.SCRAPE_SPACING, spacing);
    CountingInterval interval =
        CountingInterval.choose(
            settings.dispersionInterval(),
            settings.dispersionRange(),
            spacing.samples().stream().map(Sample::value).toList());
    Map<QueryKind, String> queries = configured.counting(interval.tau()).all();
    if (interval.problem().isPresent()) {
      queries.remove(QueryKind.ARRIVAL_DISPERSION);
    }
    queries.forEach(
        (kind, promql) -> {
          QueryResult r = client.query(promql, now, deadline);
          sent.add(r);
          results.put(kind, r);
        });
    // sent first, above; listed with the rest so that the burstiness reading shows its PromQL
    queries.put(QueryKind.SCRAPE_SPACING, spacingQuery);
    for (SlaPolicy p : members) {
      List<String> key = new ArrayList<>();
      key.add(p.namespace());
      group.labelNames().forEach(l -> key.add(p.metrics().labels().get(l)));
      Map<MetricSignal, SignalReading> signals =
          new EnumMap<>(
              new SignalDerivation(results, queries, key, p, settings, interval).derive());
      p.metrics()
          .queries()
          .forEach(
              (signal, template) -> {
                String promql = expand(template, p);
                QueryResult r = client.query(promql, now, deadline);
                sent.add(r);
                signals.put(signal, override(signal, r, p));
              });
      GroupResults.Lookup newest = results.one(QueryKind.FRESHNESS, key);
      freshness(newest, now, settings, signals);
      DeploymentKey d = DeploymentKey.of(p);
      out.put(
          d, new DeploymentReading(d, snapshot(d, now, signals, dataAge(newest, now)), signals));
    }
  }

  /**
   * How old the deployment's newest gauge sample is at {@code now} (a forecast of readings looks
   * that much further: {@code MetricsSnapshot.dataAge}); ZERO when unknown. A sample stamped after
   * {@code now} (clock skew) is age 0.
   */
  static Duration dataAge(GroupResults.Lookup newest, Instant now) {
    if (!newest.ok()) {
      return Duration.ZERO;
    }
    long ageMillis = now.toEpochMilli() - Math.round(newest.value() * 1000);
    return Duration.ofMillis(Math.max(0, ageMillis));
  }

  /** Marks every OK signal STALE when the deployment's newest gauge sample is too old. */
  private static void freshness(
      GroupResults.Lookup newest,
      Instant now,
      PrometheusSettings settings,
      Map<MetricSignal, SignalReading> signals) {
    if (!newest.ok()) {
      return;
    }
    double ageSeconds = now.toEpochMilli() / 1000.0 - newest.value();
    if (ageSeconds <= settings.staleAfter().toMillis() / 1000.0) {
      return;
    }
    String why =
        String.format(
            Locale.ROOT,
            "STALE: newest sample %.0fs old (limit %s)",
            ageSeconds,
            PromQl.duration(settings.staleAfter()));
    signals.replaceAll(
        (s, r) ->
            r.value().isOk()
                ? r.withValue(
                    Signal.stale(r.value().value(), r.value().window()), why + "; " + r.reason())
                : r);
  }

  private static SignalReading override(MetricSignal signal, QueryResult r, SlaPolicy p) {
    Duration window =
        signal == MetricSignal.KV_CACHE_USAGE || signal == MetricSignal.QUEUE_DEPTH
            ? Duration.ZERO
            : p.metrics().window();
    List<String> promql = List.of(r.promql());
    if (!r.ok()) {
      return missing(signal, window, "override: " + r.failure().get(), promql, 0);
    }
    if (r.samples().size() != 1) {
      return missing(
          signal,
          window,
          "override returned "
              + r.samples().size()
              + " series where one was expected"
              + (r.samples().isEmpty() ? "" : ": " + r.samples().get(0).labels() + ", …"),
          promql,
          r.samples().size());
    }
    GroupResults.Lookup v = GroupResults.checked(r.samples().get(0).value(), 1);
    if (!v.ok()) {
      return missing(signal, window, "override: " + v.problem().get(), promql, 1);
    }
    boolean seconds =
        signal == MetricSignal.TTFT_PERCENTILE || signal == MetricSignal.ITL_PERCENTILE;
    double value = seconds ? v.value() * 1000 : v.value();
    return new SignalReading(
        signal,
        Signal.of(value, window),
        "override from spec.metrics.queries." + signal.yamlName() + (seconds ? " (s → ms)" : ""),
        promql,
        1,
        Optional.empty(),
        false);
  }

  private static SignalReading missing(
      MetricSignal s, Duration w, String why, List<String> promql, int matched) {
    return new SignalReading(s, Signal.missing(w), why, promql, matched, Optional.empty(), false);
  }

  /** Fills an override's {@code $namespace}, {@code $window} and {@code $labels}. */
  static String expand(String template, SlaPolicy p) {
    List<String> labels = new ArrayList<>();
    new TreeSet<>(p.metrics().labels().keySet())
        .forEach(k -> labels.add(k + "=" + PromQl.quote(p.metrics().labels().get(k))));
    return template
        .replace("$namespace", p.namespace())
        .replace("$window", PromQl.duration(p.metrics().window()))
        .replace("$labels", String.join(", ", labels));
  }

  private static MetricsSnapshot snapshot(
      DeploymentKey d, Instant now, Map<MetricSignal, SignalReading> s, Duration dataAge) {
    return new MetricsSnapshot(
        d,
        now,
        s.get(MetricSignal.REQUEST_RATE).value(),
        s.get(MetricSignal.INPUT_TOKENS_MEAN).value(),
        s.get(MetricSignal.INPUT_TOKENS_SECOND_MOMENT).value(),
        s.get(MetricSignal.OUTPUT_TOKENS_MEAN).value(),
        s.get(MetricSignal.OUTPUT_TOKENS_SECOND_MOMENT).value(),
        s.get(MetricSignal.ARRIVAL_CV2).value(),
        s.get(MetricSignal.TTFT_PERCENTILE).value(),
        s.get(MetricSignal.ITL_PERCENTILE).value(),
        s.get(MetricSignal.KV_CACHE_USAGE).value(),
        s.get(MetricSignal.QUEUE_DEPTH).value(),
        s.get(MetricSignal.PREFIX_CACHE_HIT_RATE).value(),
        dataAge);
  }

  private static DeploymentReading allMissing(DeploymentKey d, Instant now, String why) {
    Map<MetricSignal, SignalReading> signals = new EnumMap<>(MetricSignal.class);
    for (MetricSignal s : MetricSignal.values()) {
      signals.put(
          s,
          new SignalReading(
              s, Signal.missing(Duration.ZERO), why, List.of(), 0, Optional.empty(), false));
    }
    return new DeploymentReading(d, snapshot(d, now, signals, Duration.ZERO), signals);
  }
}

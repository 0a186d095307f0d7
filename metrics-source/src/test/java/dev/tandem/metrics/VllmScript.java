package dev.tandem.metrics;

import dev.tandem.metrics.ScriptedPrometheus.Reply;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scripted Prometheus answering the vLLM preset's queries for some deployments: per query kind, a
 * reply override or the healthy default series. Values are chosen so that every derived number can
 * be checked by hand (see the tests).
 */
final class VllmScript implements Function<String, Reply> {

  /** The by-labels of one deployment: namespace and model_name. */
  record Target(String namespace, String model) {
    Map<String, String> labels() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("namespace", namespace);
      m.put("model_name", model);
      return m;
    }
  }

  final List<Target> targets = new ArrayList<>();
  final Map<QueryKind, Function<Target, List<String>>> values = new EnumMap<>(QueryKind.class);
  final Map<QueryKind, Reply> replies = new EnumMap<>(QueryKind.class);
  double freshnessSeconds = 1_700_000_000;

  VllmScript(Target... targets) {
    this.targets.addAll(List.of(targets));
    scalar(QueryKind.COMPLETIONS, "10");
    scalar(QueryKind.IN_FLIGHT_CHANGE, "2");
    scalar(QueryKind.INPUT_TOKENS_SUM, "30000");
    scalar(QueryKind.OUTPUT_TOKENS_SUM, "3000");
    scalar(QueryKind.KV_CACHE_USAGE, "0.4");
    scalar(QueryKind.QUEUE_DEPTH, "3");
    scalar(QueryKind.PREFIX_CACHE_HIT_RATE, "0.25");
    scalar(QueryKind.ARRIVAL_DISPERSION, "1.8");
    scalar(QueryKind.SCRAPE_SPACING, "10");
  }

  VllmScript scalar(QueryKind kind, String value) {
    values.put(kind, t -> List.of(value));
    return this;
  }

  VllmScript reply(QueryKind kind, Reply r) {
    replies.put(kind, r);
    return this;
  }

  /** Which of the vLLM preset's queries this is (by the shape PresetQueries gives them). */
  static QueryKind kindOf(String q) {
    if (q.contains("count_over_time(")) {
      return QueryKind.SCRAPE_SPACING;
    }
    if (q.startsWith("avg_over_time(((")) {
      return QueryKind.ARRIVAL_DISPERSION;
    }
    if (q.contains("timestamp(")) {
      return QueryKind.FRESHNESS;
    }
    if (q.startsWith("(sum by")) {
      return QueryKind.IN_FLIGHT_CHANGE;
    }
    if (q.contains("request_success_total")) {
      return QueryKind.COMPLETIONS;
    }
    if (q.contains("request_prompt_tokens_sum")) {
      return QueryKind.INPUT_TOKENS_SUM;
    }
    if (q.contains("request_prompt_tokens_bucket")) {
      return QueryKind.INPUT_TOKENS_BUCKETS;
    }
    if (q.contains("request_generation_tokens_sum")) {
      return QueryKind.OUTPUT_TOKENS_SUM;
    }
    if (q.contains("request_generation_tokens_bucket")) {
      return QueryKind.OUTPUT_TOKENS_BUCKETS;
    }
    if (q.contains("time_to_first_token_seconds_bucket")) {
      return QueryKind.TTFT_BUCKETS;
    }
    if (q.contains("request_time_per_output_token_seconds_bucket")) {
      return QueryKind.ITL_BUCKETS;
    }
    if (q.contains("kv_cache_usage_perc")) {
      return QueryKind.KV_CACHE_USAGE;
    }
    if (q.contains("prefix_cache_hits_total")) {
      return QueryKind.PREFIX_CACHE_HIT_RATE;
    }
    if (q.contains("num_requests_waiting")) {
      return QueryKind.QUEUE_DEPTH;
    }
    throw new IllegalArgumentException("unexpected query " + q);
  }

  @Override
  public Reply apply(String query) {
    QueryKind kind = kindOf(query);
    if (replies.containsKey(kind)) {
      return replies.get(kind);
    }
    List<Map<String, String>> labels = new ArrayList<>();
    List<String> vals = new ArrayList<>();
    for (Target t : targets) {
      switch (kind) {
        case INPUT_TOKENS_BUCKETS ->
            buckets(t, labels, vals, new String[] {"1000", "2000", "5000", "+Inf"}, "0 2 10 10");
        case OUTPUT_TOKENS_BUCKETS ->
            buckets(t, labels, vals, new String[] {"200", "500", "+Inf"}, "5 10 10");
        case TTFT_BUCKETS ->
            buckets(t, labels, vals, new String[] {"0.1", "0.25", "0.5", "+Inf"}, "5 9.5 10 10");
        case ITL_BUCKETS ->
            buckets(t, labels, vals, new String[] {"0.01", "0.025", "0.05", "+Inf"}, "2 9 10 10");
        case FRESHNESS -> {
          labels.add(t.labels());
          vals.add(Double.toString(freshnessSeconds));
        }
        default -> {
          for (String v : values.get(kind).apply(t)) {
            labels.add(t.labels());
            vals.add(v);
          }
        }
      }
    }
    return Reply.ok(ScriptedPrometheus.vector(labels, vals));
  }

  private static void buckets(
      Target t, List<Map<String, String>> labels, List<String> vals, String[] les, String counts) {
    String[] c = counts.split(" ");
    for (int i = 0; i < les.length; i++) {
      Map<String, String> l = t.labels();
      l.put("le", les[i]);
      labels.add(l);
      vals.add(c[i]);
    }
  }
}

package dev.tandem.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers to one group's queries, indexed by the by-labels' values, so that each deployment
 * finds its series in O(1). A deployment's key is its namespace followed by its policy's label
 * values, in the group's label order.
 */
final class GroupResults {

  /**
   * One value for one deployment, or why there is none.
   *
   * @param value the sample's value (NaN when {@code problem} is set)
   * @param problem empty when the value is usable
   * @param matched series that matched the deployment
   */
  record Lookup(double value, Optional<String> problem, int matched) {
    static Lookup bad(String why, int matched) {
      return new Lookup(Double.NaN, Optional.of(why), matched);
    }

    boolean ok() {
      return problem.isEmpty();
    }
  }

  private final List<String> byLabels;
  private final Map<QueryKind, QueryResult> results = new EnumMap<>(QueryKind.class);
  private final Map<QueryKind, Map<List<String>, List<Sample>>> index =
      new EnumMap<>(QueryKind.class);

  GroupResults(List<String> byLabels) {
    this.byLabels = List.copyOf(byLabels);
  }

  void put(QueryKind kind, QueryResult result) {
    results.put(kind, result);
    Map<List<String>, List<Sample>> byKey = new HashMap<>();
    for (Sample s : result.samples()) {
      byKey.computeIfAbsent(keyOf(s), k -> new ArrayList<>()).add(s);
    }
    index.put(kind, byKey);
  }

  Optional<QueryResult> result(QueryKind kind) {
    return Optional.ofNullable(results.get(kind));
  }

  private List<String> keyOf(Sample s) {
    List<String> key = new ArrayList<>(byLabels.size());
    for (String l : byLabels) {
      key.add(s.label(l));
    }
    return key;
  }

  /** The single finite, non-negative value of {@code kind} for {@code key}, or the problem. */
  Lookup one(QueryKind kind, List<String> key) {
    QueryResult r = results.get(kind);
    if (r == null) {
      return Lookup.bad("not queried", 0);
    }
    if (!r.ok()) {
      return Lookup.bad(r.failure().get(), 0);
    }
    List<Sample> mine = index.get(kind).getOrDefault(key, List.of());
    if (mine.isEmpty()) {
      return Lookup.bad("0 series for " + describe(key), 0);
    }
    if (mine.size() > 1) {
      return Lookup.bad(
          mine.size() + " series for " + describe(key) + " where one was expected", mine.size());
    }
    return checked(mine.get(0).value(), 1);
  }

  /** The deployment's cumulative buckets, or the problem. */
  Optional<BucketHistogram> histogram(QueryKind kind, List<String> key, List<String> problems) {
    Lookup status = one(kind, key);
    QueryResult r = results.get(kind);
    if (r == null || !r.ok()) {
      problems.add(status.problem().orElse("not queried"));
      return Optional.empty();
    }
    List<Sample> mine = index.get(kind).getOrDefault(key, List.of());
    if (mine.isEmpty()) {
      problems.add("0 series for " + describe(key));
      return Optional.empty();
    }
    Map<Double, Double> byUpper = new HashMap<>();
    List<BucketHistogram.Bucket> buckets = new ArrayList<>();
    for (Sample s : mine) {
      double le;
      try {
        le = PrometheusClient.number(s.label("le"));
      } catch (NumberFormatException e) {
        problems.add("bucket without a numeric le label: " + s.labels());
        return Optional.empty();
      }
      if (byUpper.put(le, s.value()) != null) {
        problems.add("several series for bucket le=" + s.label("le") + " of " + describe(key));
        return Optional.empty();
      }
      if (!Double.isFinite(s.value()) || s.value() < 0) {
        problems.add("bucket le=" + s.label("le") + " is " + PrometheusClient.text(s.value()));
        return Optional.empty();
      }
      buckets.add(new BucketHistogram.Bucket(le, s.value()));
    }
    BucketHistogram h = new BucketHistogram(buckets);
    if (!h.hasOverflowBucket()) {
      problems.add("no le=\"+Inf\" bucket for " + describe(key));
      return Optional.empty();
    }
    return Optional.of(h);
  }

  static Lookup checked(double v, int matched) {
    if (Double.isNaN(v)) {
      return Lookup.bad("NaN (0/0: nothing happened in the window, or a bad override)", matched);
    }
    if (Double.isInfinite(v)) {
      return Lookup.bad(PrometheusClient.text(v) + " (a division by zero)", matched);
    }
    if (v < 0) {
      return Lookup.bad("negative value " + v, matched);
    }
    return new Lookup(v, Optional.empty(), matched);
  }

  String describe(List<String> key) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < byLabels.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(byLabels.get(i)).append('=').append(PromQl.quote(key.get(i)));
    }
    return b.toString();
  }
}

package dev.tandem.metrics;

import dev.tandem.metrics.Preset.Metric;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The PromQL of one group of deployments: a preset's queries over the group's selector, summed by
 * the namespace label and the policies' label names (which also sums away vLLM's data-parallel
 * {@code engine} label and every pod label). With {@code B} the by-labels, {@code S} the selector
 * and {@code w} the window:
 *
 * <pre>
 * COMPLETIONS           sum by (B) (rate(completions{S}[w]))
 * IN_FLIGHT_CHANGE      (sum by (B) ({__name__=~"running|waiting",S})
 *                         - sum by (B) ({__name__=~"running|waiting",S} offset w)) / w
 * INPUT_TOKENS_SUM      sum by (B) (rate(prompt_hist_sum{S}[w]))
 * INPUT_TOKENS_BUCKETS  sum by (B, le) (rate(prompt_hist_bucket{S}[w]))        (OUTPUT_* alike)
 * TTFT_BUCKETS          sum by (B, le) (rate(ttft_bucket{S}[w]))                (ITL_BUCKETS alike)
 * KV_CACHE_USAGE        avg by (B) (kv_usage{S})
 * QUEUE_DEPTH           sum by (B) (waiting{S})
 * PREFIX_CACHE_HIT_RATE sum by (B) (rate(hits{S}[w])) / sum by (B) (rate(queries{S}[w]))
 * ARRIVAL_DISPERSION    avg_over_time(((A - A')^2)[R:τ]) / (2 * avg_over_time(A[R:τ])),
 *                       A = sum by (B) (clamp_min(completions{S} - completions{S} offset τ, 0))
 *                           + Δ_τ in-flight, A' the same one interval earlier (offset τ, 2τ)
 * FRESHNESS             max by (B) (timestamp(freshness_gauge{S}))
 * SCRAPE_SPACING        quantile by (B) (0.5, r / count_over_time(completions{S}[r])
 *                         and completions{S} offset r),   r = min(2m, dispersion range / 2)
 * </pre>
 *
 * SCRAPE_SPACING is sent first: τ is then fitted to it ({@link CountingInterval}) and the group's
 * other queries are built with {@link #counting(Duration)}.
 *
 * <p>Histogram percentiles are computed from the bucket rates with Prometheus' own {@code
 * histogram_quantile} interpolation ({@link BucketHistogram}), which also yields the bucket bounds
 * around each percentile; one bucket query thus serves every percentile of every policy.
 */
final class PresetQueries {

  /** The longest the scrape interval is measured over: enough for 2 samples at s = 60 s. */
  static final Duration SPACING_RANGE = Duration.ofMinutes(2);

  private final Preset preset;
  private final String by;
  private final String selector;
  private final Duration window;
  private final Duration tau;
  private final Duration range;

  /**
   * @param byLabels namespace label first, then the policies' label names
   * @param groupMatchers matchers selecting the group's deployments, comma-separated
   */
  PresetQueries(
      Preset preset,
      List<String> byLabels,
      String groupMatchers,
      Duration window,
      Duration tau,
      Duration range) {
    this(preset, String.join(", ", byLabels), groupMatchers, window, tau, range);
  }

  private PresetQueries(
      Preset preset, String by, String selector, Duration window, Duration tau, Duration range) {
    this.preset = preset;
    this.by = by;
    this.selector = selector;
    this.window = window;
    this.tau = tau;
    this.range = range;
  }

  /** These queries with the arrival counts taken per {@code interval}. */
  PresetQueries counting(Duration interval) {
    return new PresetQueries(preset, by, selector, window, interval, range);
  }

  /**
   * The completion counter's seconds per sample, the median over the series of each deployment,
   * counted over r = min({@link #SPACING_RANGE}, half the dispersion range): what the counting
   * interval must be a whole multiple of. Only series that already existed r ago count ({@code and
   * … offset r}): a younger one has fewer samples in r than its scrape interval gives.
   */
  String scrapeSpacing() {
    Duration half = range.dividedBy(2);
    Duration r = half.compareTo(SPACING_RANGE) < 0 ? half : SPACING_RANGE;
    String counter = sel(preset.completions());
    return "quantile by ("
        + by
        + ") (0.5, "
        + PromQl.seconds(r)
        + " / count_over_time("
        + counter
        + "["
        + PromQl.duration(r)
        + "]) and "
        + counter
        + " offset "
        + PromQl.duration(r)
        + ")";
  }

  /** Every query of the group; a preset without the metric has no entry (KV for Dynamo). */
  Map<QueryKind, String> all() {
    Map<QueryKind, String> q = new EnumMap<>(QueryKind.class);
    String w = PromQl.duration(window);
    q.put(QueryKind.COMPLETIONS, sum("rate(" + sel(preset.completions()) + "[" + w + "])"));
    q.put(QueryKind.IN_FLIGHT_CHANGE, inFlightChange(window) + " / " + PromQl.seconds(window));
    q.put(QueryKind.INPUT_TOKENS_SUM, rateOf(preset.inputTokens(), "_sum"));
    q.put(QueryKind.INPUT_TOKENS_BUCKETS, buckets(preset.inputTokens()));
    q.put(QueryKind.OUTPUT_TOKENS_SUM, rateOf(preset.outputTokens(), "_sum"));
    q.put(QueryKind.OUTPUT_TOKENS_BUCKETS, buckets(preset.outputTokens()));
    q.put(QueryKind.TTFT_BUCKETS, buckets(preset.ttft()));
    q.put(QueryKind.ITL_BUCKETS, buckets(preset.itl()));
    preset
        .kvUsage()
        .ifPresent(kv -> q.put(QueryKind.KV_CACHE_USAGE, "avg by (" + by + ") (" + sel(kv) + ")"));
    q.put(QueryKind.QUEUE_DEPTH, sum(sel(preset.queue())));
    q.put(
        QueryKind.PREFIX_CACHE_HIT_RATE,
        rateOf(preset.prefixHits(), "") + " / " + rateOf(preset.prefixQueries(), ""));
    String t = PromQl.duration(tau);
    String now = counts(Duration.ZERO);
    String before = counts(tau);
    String r = "[" + PromQl.duration(range) + ":" + t + "]";
    q.put(
        QueryKind.ARRIVAL_DISPERSION,
        "avg_over_time((("
            + now
            + " - "
            + before
            + ") ^ 2)"
            + r
            + ") / (2 * avg_over_time(("
            + now
            + ")"
            + r
            + "))");
    q.put(QueryKind.FRESHNESS, "max by (" + by + ") (timestamp(" + sel(preset.freshness()) + "))");
    return q;
  }

  /**
   * Arrivals in the interval τ that ended {@code ago} before the evaluation time, by conservation
   * from raw samples: each completion counter's difference between the samples at the interval's
   * two ends (clamped at 0 where a counter reset), plus the change of the in-flight gauges. Unlike
   * {@code increase()}, which extrapolates the few samples inside τ, the differences telescope:
   * every request falls in exactly one interval, and the gauge is differenced once per count.
   */
  private String counts(Duration ago) {
    Duration older = ago.plus(tau);
    Metric c = preset.completions();
    String completed =
        sum("clamp_min(" + sel(c) + offset(ago) + " - " + sel(c) + offset(older) + ", 0)");
    String s = inFlightSelector();
    return "(" + completed + " + (" + sum(s + offset(ago)) + " - " + sum(s + offset(older)) + "))";
  }

  private static String offset(Duration d) {
    return d.isZero() ? "" : " offset " + PromQl.duration(d);
  }

  private String inFlightSelector() {
    String names =
        preset.inFlight().stream()
            .map(m -> PromQl.regexLiteral(m.name()))
            .collect(Collectors.joining("|"));
    String fixed = preset.inFlight().get(0).fixedMatchers();
    return "{__name__=~" + PromQl.quote(names) + join(fixed, selector) + "}";
  }

  private String inFlightChange(Duration over) {
    String s = inFlightSelector();
    return "(" + sum(s) + " - " + sum(s + " offset " + PromQl.duration(over)) + ")";
  }

  private String rateOf(Metric m, String suffix) {
    return sum(
        "rate("
            + sel(new Metric(m.name() + suffix, m.fixedMatchers()))
            + "["
            + PromQl.duration(window)
            + "])");
  }

  private String buckets(Metric m) {
    return "sum by ("
        + by
        + ", le) (rate("
        + sel(new Metric(m.name() + "_bucket", m.fixedMatchers()))
        + "["
        + PromQl.duration(window)
        + "]))";
  }

  private String sum(String inner) {
    return "sum by (" + by + ") (" + inner + ")";
  }

  private String sel(Metric m) {
    String matchers = m.fixedMatchers().isEmpty() ? selector : m.fixedMatchers() + ", " + selector;
    return m.name() + "{" + matchers + "}";
  }

  private static String join(String fixed, String selector) {
    return (fixed.isEmpty() ? "" : ", " + fixed) + ", " + selector;
  }
}

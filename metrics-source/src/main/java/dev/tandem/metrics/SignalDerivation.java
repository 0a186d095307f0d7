package dev.tandem.metrics;

import dev.tandem.config.policy.LatencyObjective;
import dev.tandem.config.policy.MetricSignal;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.metrics.GroupResults.Lookup;
import dev.tandem.planner.metrics.QueueScaleBurstiness;
import dev.tandem.planner.metrics.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one group's query answers into one deployment's signals. Every value says where it came
 * from; every problem becomes MISSING with the problem as its reason, never a zero.
 *
 * <p><b>Arrivals by conservation.</b> Requests in flight N change by arrivals minus completions, so
 * over a window w: {@code arrivals/s = completions/s + (N(t) − N(t−w))/w}. No stack counts arrivals
 * and every completion counter lags demand while a backlog grows (completions are capped by
 * capacity, arrivals are not). When the in-flight gauges cannot be read the value falls back to
 * completions alone, and the reason says so. A small negative sum (counter extrapolation noise at
 * near-zero traffic) is clamped to 0.
 *
 * <p><b>Burstiness.</b> {@code arrivalCv2} comes from the Allan factor of arrival counts per
 * interval τ over the dispersion range, {@code AF(τ) = E[(A_i − A_{i−1})²] / 2E[A]}, with A the
 * conservation count of each interval. It is 1 for Poisson arrivals and, because it differences
 * neighbouring intervals, a change of the rate across the range is not counted as burstiness (the
 * plain variance-to-mean ratio read about 80 on a 10-minute swing). The factor at τ (10 s by
 * default, raised to a whole number of scrapes by {@link CountingInterval}) is scaled to a prefill
 * queue's time scale by {@link QueueScaleBurstiness}, which the simulator applies to its counts
 * too. With m differences its relative standard error is about √(2/m) for Poisson counts: 18 % at
 * the default m = 60.
 */
final class SignalDerivation {

  private final GroupResults results;
  private final Map<QueryKind, String> queries;
  private final List<String> key;
  private final SlaPolicy policy;
  private final Duration window;
  private final PrometheusSettings settings;
  private final CountingInterval interval;

  SignalDerivation(
      GroupResults results,
      Map<QueryKind, String> queries,
      List<String> key,
      SlaPolicy policy,
      PrometheusSettings settings,
      CountingInterval interval) {
    this.results = results;
    this.queries = queries;
    this.key = key;
    this.policy = policy;
    this.window = policy.metrics().window();
    this.settings = settings;
    this.interval = interval;
  }

  Map<MetricSignal, SignalReading> derive() {
    Map<MetricSignal, SignalReading> out = new EnumMap<>(MetricSignal.class);
    out.put(MetricSignal.REQUEST_RATE, arrivals());
    lengths(
        out,
        MetricSignal.INPUT_TOKENS_MEAN,
        MetricSignal.INPUT_TOKENS_SECOND_MOMENT,
        QueryKind.INPUT_TOKENS_SUM,
        QueryKind.INPUT_TOKENS_BUCKETS);
    lengths(
        out,
        MetricSignal.OUTPUT_TOKENS_MEAN,
        MetricSignal.OUTPUT_TOKENS_SECOND_MOMENT,
        QueryKind.OUTPUT_TOKENS_SUM,
        QueryKind.OUTPUT_TOKENS_BUCKETS);
    out.put(MetricSignal.ARRIVAL_CV2, dispersion());
    out.put(
        MetricSignal.TTFT_PERCENTILE,
        percentile(MetricSignal.TTFT_PERCENTILE, QueryKind.TTFT_BUCKETS, policy.sla().ttft(), ""));
    Preset preset = Preset.of(policy.metrics().preset());
    out.put(
        MetricSignal.ITL_PERCENTILE,
        percentile(
            MetricSignal.ITL_PERCENTILE,
            QueryKind.ITL_BUCKETS,
            policy.sla().itl(),
            preset.itlPerRequest()
                ? " (per-request mean gap, as the SLA defines ITL)"
                : " (per-token gaps: this stack exports no per-request ITL, so long requests"
                    + " weigh more)"));
    out.put(
        MetricSignal.KV_CACHE_USAGE, gauge(MetricSignal.KV_CACHE_USAGE, QueryKind.KV_CACHE_USAGE));
    out.put(MetricSignal.QUEUE_DEPTH, gauge(MetricSignal.QUEUE_DEPTH, QueryKind.QUEUE_DEPTH));
    out.put(MetricSignal.PREFIX_CACHE_HIT_RATE, prefixHits());
    return out;
  }

  private SignalReading arrivals() {
    Lookup done = results.one(QueryKind.COMPLETIONS, key);
    Lookup change = results.one(QueryKind.IN_FLIGHT_CHANGE, key);
    List<String> promql = promql(QueryKind.COMPLETIONS, QueryKind.IN_FLIGHT_CHANGE);
    if (!done.ok()) {
      return missing(
          MetricSignal.REQUEST_RATE, "completions: " + done.problem().get(), promql, done);
    }
    // The in-flight change may be negative: checked() would reject it, so read it raw.
    Optional<Double> delta = inFlightChange();
    if (delta.isEmpty()) {
      return reading(
          MetricSignal.REQUEST_RATE,
          Signal.of(done.value(), window),
          String.format(
              Locale.ROOT,
              "completions only, %.3g/s: in-flight change unreadable (%s), so a growing backlog"
                  + " is not seen",
              done.value(),
              change.problem().orElse("?")),
          promql,
          done.matched());
    }
    double sum = done.value() + delta.get();
    String why =
        String.format(
            Locale.ROOT,
            "arrivals = completions %.3g/s %s d/dt in-flight %.3g/s (conservation over %s)%s",
            done.value(),
            delta.get() < 0 ? "−" : "+",
            Math.abs(delta.get()),
            PromQl.duration(window),
            sum < 0 ? ", clamped from " + String.format(Locale.ROOT, "%.3g", sum) : "");
    return reading(
        MetricSignal.REQUEST_RATE,
        Signal.of(Math.max(0, sum), window),
        why,
        promql,
        done.matched());
  }

  private Optional<Double> inFlightChange() {
    Lookup raw = results.one(QueryKind.IN_FLIGHT_CHANGE, key);
    if (raw.ok()) {
      return Optional.of(raw.value());
    }
    // one() refuses negatives, but a shrinking backlog is negative: accept a finite one.
    if (raw.matched() == 1 && raw.problem().get().startsWith("negative value ")) {
      return Optional.of(Double.parseDouble(raw.problem().get().substring(15)));
    }
    return Optional.empty();
  }

  private void lengths(
      Map<MetricSignal, SignalReading> out,
      MetricSignal meanSignal,
      MetricSignal secondSignal,
      QueryKind sumKind,
      QueryKind bucketKind) {
    List<String> promql = promql(sumKind, bucketKind);
    Lookup tokens = results.one(sumKind, key);
    List<String> problems = new ArrayList<>();
    Optional<BucketHistogram> h = results.histogram(bucketKind, key, problems);
    if (!tokens.ok() || h.isEmpty()) {
      String why = !tokens.ok() ? tokens.problem().get() : problems.get(0);
      out.put(meanSignal, missing(meanSignal, why, promql, tokens));
      out.put(secondSignal, missing(secondSignal, why, promql, tokens));
      return;
    }
    double count = h.get().count();
    if (!(count > 0)) {
      String why = "no request finished in the window (0/0)";
      out.put(meanSignal, missing(meanSignal, why, promql, tokens));
      out.put(secondSignal, missing(secondSignal, why, promql, tokens));
      return;
    }
    double mean = tokens.value() / count;
    out.put(
        meanSignal,
        reading(
            meanSignal,
            Signal.of(mean, window),
            String.format(
                Locale.ROOT,
                "exact: %.4g tokens/s ÷ %.4g requests/s (histogram _sum/_count)",
                tokens.value(),
                count),
            promql,
            tokens.matched()));
    double second = h.get().secondMoment(mean);
    out.put(
        secondSignal,
        reading(
            secondSignal,
            Signal.of(second, window),
            String.format(
                Locale.ROOT,
                "exact mean² + variance of %d bucket midpoints (grouped estimate, cv² %.3f)",
                h.get().size(),
                mean > 0 ? second / (mean * mean) - 1 : 0),
            promql,
            tokens.matched()));
  }

  private SignalReading percentile(
      MetricSignal signal, QueryKind kind, LatencyObjective objective, String note) {
    List<String> promql = promql(kind);
    List<String> problems = new ArrayList<>();
    Optional<BucketHistogram> h = results.histogram(kind, key, problems);
    if (h.isEmpty()) {
      return missing(signal, problems.get(0), promql, Lookup.bad("", 0));
    }
    BucketHistogram.Percentile p = h.get().quantile(objective.quantile());
    if (Double.isNaN(p.value())) {
      return missing(signal, "no request observed in the window", promql, Lookup.bad("", 1));
    }
    double targetSeconds = objective.target().toNanos() / 1e9;
    boolean straddles = p.lower() < targetSeconds && targetSeconds < p.upper();
    boolean low = straddles || p.inOverflowBucket();
    String pct = String.format(Locale.ROOT, "p%s", trim(objective.percentile()));
    String why =
        String.format(
            Locale.ROOT,
            "histogram_quantile(%s) = %.4g ms, in bucket (%s, %s] ms%s%s",
            trim(objective.quantile()),
            p.value() * 1000,
            ms(p.lower()),
            ms(p.upper()),
            note,
            p.inOverflowBucket()
                ? "; LOW CONFIDENCE: " + pct + " is above the highest bucket, a lower bound"
                : straddles
                    ? "; LOW CONFIDENCE: the bucket straddles the target "
                        + ms(targetSeconds)
                        + " ms, so whether "
                        + pct
                        + " meets it cannot be told"
                    : "");
    return new SignalReading(
        signal,
        // the planner learns from the bucket, not from the interpolated point inside it
        Signal.of(p.value() * 1000, window)
            .within(
                millis(p.lower()),
                p.inOverflowBucket() ? Double.POSITIVE_INFINITY : millis(p.upper())),
        why,
        promql,
        1,
        Optional.of(new SignalReading.Bounds(millis(p.lower()), millis(p.upper()))),
        low);
  }

  private SignalReading gauge(MetricSignal signal, QueryKind kind) {
    List<String> promql = promql(kind);
    if (!queries.containsKey(kind)) {
      return missing(
          signal,
          "preset "
              + policy.metrics().preset().yamlName()
              + " has no such metric; set"
              + " spec.metrics.queries."
              + signal.yamlName()
              + " (e.g. the workers' engine gauge)",
          promql,
          Lookup.bad("", 0));
    }
    Lookup v = results.one(kind, key);
    if (!v.ok()) {
      return missing(signal, v.problem().get(), promql, v);
    }
    return reading(signal, Signal.of(v.value(), Duration.ZERO), "gauge, newest sample", promql, 1);
  }

  private SignalReading prefixHits() {
    MetricSignal s = MetricSignal.PREFIX_CACHE_HIT_RATE;
    List<String> promql = promql(QueryKind.PREFIX_CACHE_HIT_RATE);
    Lookup v = results.one(QueryKind.PREFIX_CACHE_HIT_RATE, key);
    if (!v.ok()) {
      return missing(s, v.problem().get(), promql, v);
    }
    return reading(
        s, Signal.of(Math.min(1, v.value()), window), "hit tokens ÷ looked-up tokens", promql, 1);
  }

  private SignalReading dispersion() {
    MetricSignal s = MetricSignal.ARRIVAL_CV2;
    List<String> promql = promql(QueryKind.SCRAPE_SPACING, QueryKind.ARRIVAL_DISPERSION);
    Duration range = settings.dispersionRange();
    if (interval.problem().isPresent()) {
      return missing(s, interval.problem().get(), promql, Lookup.bad("", 0));
    }
    Lookup v = results.one(QueryKind.ARRIVAL_DISPERSION, key);
    if (!v.ok()) {
      return missing(s, v.problem().get(), promql, v);
    }
    Duration tau = interval.tau();
    double cv2 = QueueScaleBurstiness.of(v.value(), tau);
    return reading(
        s,
        Signal.of(cv2, range),
        String.format(
                Locale.ROOT,
                "Allan factor of arrivals per %s over %s: %.3g; at the queue's %d ms scale: %.3g",
                PromQl.duration(tau),
                PromQl.duration(range),
                v.value(),
                QueueScaleBurstiness.QUEUE_SCALE_MILLIS,
                cv2)
            + interval.note(),
        promql,
        v.matched());
  }

  private List<String> promql(QueryKind... kinds) {
    List<String> l = new ArrayList<>();
    for (QueryKind k : kinds) {
      if (queries.containsKey(k)) {
        l.add(queries.get(k));
      }
    }
    return l;
  }

  private SignalReading reading(
      MetricSignal s, Signal v, String why, List<String> promql, int matched) {
    return new SignalReading(s, v, why, promql, matched, Optional.empty(), false);
  }

  private SignalReading missing(MetricSignal s, String why, List<String> promql, Lookup l) {
    boolean gauge = s == MetricSignal.KV_CACHE_USAGE || s == MetricSignal.QUEUE_DEPTH;
    Duration w = gauge ? Duration.ZERO : window;
    String hint = gauge || s == MetricSignal.ARRIVAL_CV2 ? "" : windowTooShort();
    return new SignalReading(
        s, Signal.missing(w), why + hint, promql, l.matched(), Optional.empty(), false);
  }

  /**
   * Why a rate over the policy's window may read nothing: Prometheus' {@code rate()} needs two
   * samples in the window, so a window shorter than two scrape intervals often holds one. "" when
   * the window holds two or the scrape interval is unknown.
   */
  private String windowTooShort() {
    Lookup spacing = results.one(QueryKind.SCRAPE_SPACING, key);
    if (!spacing.ok() || window.toMillis() >= 2000 * spacing.value()) {
      return "";
    }
    Duration twice = Duration.ofMillis(Math.round(2000 * spacing.value()));
    return "; the policy's window "
        + PromQl.duration(window)
        + " holds fewer than two scrapes "
        + PromQl.duration(Duration.ofMillis(Math.round(1000 * spacing.value())))
        + " apart, and a rate needs two: set spec.metrics.window to at least "
        + PromQl.duration(twice);
  }

  /** Seconds to ms without binary noise (0.00355 s is 3.55 ms, not 3.5500000000000003). */
  private static double millis(double seconds) {
    return Double.isInfinite(seconds) ? seconds : Math.rint(seconds * 1e9) / 1e6;
  }

  private static String ms(double seconds) {
    return Double.isInfinite(seconds) ? "+Inf" : trim(seconds * 1000);
  }

  static String trim(double v) {
    if (v == Math.rint(v)) {
      return Long.toString((long) v);
    }
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v))
        .stripTrailingZeros()
        .toPlainString();
  }
}

package dev.tandem.planner.sizing;

/**
 * The fewest prefill engines c for which the TTFT q-quantile of the G/G/c model ({@link
 * PrefillQueue}) is at most the target, at a given arrival rate.
 *
 * <p>Search: c rises from ⌊λ / μ_peak⌋ (fewer engines cannot keep up even with full batches); each
 * count is checked with its own batching ({@link PrefillBatching}, O(c) for Erlang C). Feasibility
 * is monotone in c (C(c, a) falls and cμ − λ grows), so the first feasible c is the answer. When
 * the service time alone misses the target (P(S &gt; target) &gt; 1 − q), no number of engines
 * helps: the target is relaxed to 1.25 × the service percentile (queueing may add at most a
 * quarter) and the result says so.
 */
public final class PrefillSizer {

  /** The most engines ever searched, whatever the policy allows. */
  public static final int SEARCH_LIMIT = 4096;

  private PrefillSizer() {}

  /**
   * @param rate arrival rate, requests/s
   * @param service the service-time strata
   * @param arrivalScv c_a²
   * @param targetSeconds the TTFT target
   * @param quantile the target's quantile, e.g. 0.9
   * @param limit search no further than this many engines
   */
  public static PrefillSizing size(
      double rate,
      ServiceTimes service,
      double arrivalScv,
      double targetSeconds,
      double quantile,
      int limit) {
    double servicePercentile = service.percentileSeconds(quantile);
    double tail = 1 - quantile;
    boolean reachable = serviceExceedance(service, targetSeconds) <= tail;
    double target = reachable ? targetSeconds : 1.25 * servicePercentile;
    if (rate <= 0) {
      return new PrefillSizing(0, true, reachable, target, servicePercentile);
    }
    int max = Math.max(1, Math.min(limit, SEARCH_LIMIT));
    // below rate / (fastest service rate) engines cannot keep up, however large their batches
    int first = (int) Math.max(1, Math.min(max, Math.floor(rate / service.peakServiceRate())));
    for (int c = first; c <= max; c++) {
      if (PrefillQueue.of(c, rate, service, arrivalScv).exceedance(target) <= tail) {
        return new PrefillSizing(c, true, reachable, target, servicePercentile);
      }
    }
    return new PrefillSizing(max, false, reachable, target, servicePercentile);
  }

  /**
   * The largest arrival rate {@code engines} engines carry within the target (requests/s), by
   * bisection on the rate (feasibility falls as the rate rises). 0 when the target is unreachable.
   */
  public static double capacity(
      int engines, ServiceTimes service, double arrivalScv, double targetSeconds, double quantile) {
    double tail = 1 - quantile;
    if (engines <= 0 || serviceExceedance(service, targetSeconds) > tail) {
      return 0;
    }
    double lo = 0;
    double hi = engines * service.peakServiceRate();
    for (int i = 0; i < 40; i++) {
      double mid = (lo + hi) / 2;
      if (PrefillQueue.of(engines, mid, service, arrivalScv).exceedance(targetSeconds) <= tail) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** P(S &gt; t) over the strata. */
  private static double serviceExceedance(ServiceTimes service, double t) {
    int above = 0;
    for (double s : service.seconds()) {
      if (s > t) {
        above++;
      }
    }
    return (double) above / service.seconds().length;
  }
}

package dev.tandem.planner.sizing;

/**
 * The fewest prefill engines c for which the TTFT q-quantile of the G/G/c model ({@link
 * PrefillQueue}) is at most the target, at a given arrival rate.
 *
 * <p>Search: c rises from 1 while the Erlang-B recursion runs alongside (O(1) per step); a count is
 * checked once cμ &gt; λ. Feasibility is monotone in c (C(c, a) falls and cμ − λ grows), so the
 * first feasible c is the answer. When the service time alone misses the target (P(S &gt; target)
 * &gt; 1 − q), no number of engines helps: the target is relaxed to 1.25 × the service percentile
 * (queueing may add at most a quarter) and the result says so.
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
    double a = rate / service.serviceRate();
    double blocking = 1;
    for (int c = 1; c <= max; c++) {
      blocking = a * blocking / (c + a * blocking);
      if (c <= a) {
        continue;
      }
      double waiting = ErlangC.fromBlocking(blocking, c, a);
      if (PrefillQueue.of(c, rate, service, arrivalScv, waiting).exceedance(target) <= tail) {
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
    double hi = engines * service.serviceRate();
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

package dev.tandem.planner.sizing;

/**
 * How large the prefill batches of c loaded engines get, and what that does to their service rate.
 * A queue feeds the batches: when an engine frees up it takes what waits, up to its token budget,
 * so the busier the pool the larger the batches and the cheaper each prompt (the fixed cost of a
 * pass is shared). The mean batch size n solves
 *
 * <pre>
 *   n = clamp(1 + L_q(n) / c, 1, n_max)        L_q(n) = λ · E[W](n)   (Little)
 * </pre>
 *
 * with E[W](n) the Allen–Cunneen mean wait of G/G/c at the service rate μ(n) = n / T(n) (T the time
 * of a batch of n mean-length prompts, {@link ServiceTimes#batchTime}) and the work SCV of a prompt
 * in such a batch ({@link ServiceTimes#scvAt}): an engine that frees up finds about L_q / c prompts
 * of its share of the queue besides the one that starts the batch. The right side falls as n grows
 * (a faster engine keeps a shorter queue), so the root is unique and found by bisection. A
 * request's own pass then takes T(n) instead of T(1): its batch-mates' work, {@link
 * #coRiderSeconds}, is added to its service time.
 *
 * <p>With one prompt per pass (budget unknown, or prompts as long as the budget) this is the plain
 * G/G/c model: n = 1, μ = 1/E[S], no co-riders.
 *
 * @param batchSize mean prompts per pass, in [1, n_max]
 * @param serviceRate requests/s one engine completes at that batch size
 * @param coRiderSeconds T(n) − T(1), added to every request's service time
 */
public record PrefillBatching(double batchSize, double serviceRate, double coRiderSeconds) {

  /** The batching of {@code engines} engines at {@code rate} requests/s. */
  public static PrefillBatching of(int engines, double rate, ServiceTimes s, double arrivalScv) {
    if (s.largestBatch() == 1 || engines <= 0 || rate <= 0) {
      return new PrefillBatching(1, s.serviceRate(), 0);
    }
    double lo = 1;
    double hi = s.largestBatch();
    if (excess(lo, engines, rate, s, arrivalScv) <= 0) {
      return at(1, s);
    }
    if (excess(hi, engines, rate, s, arrivalScv) >= 0) {
      return at(hi, s);
    }
    for (int i = 0; i < 40 && hi - lo > 1e-4; i++) {
      double mid = (lo + hi) / 2;
      if (excess(mid, engines, rate, s, arrivalScv) > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return at(hi, s);
  }

  private static PrefillBatching at(double n, ServiceTimes s) {
    double t = s.batchTime(n);
    return new PrefillBatching(n, n / t, t - s.batchTime(1));
  }

  /** (1 + L_q(n)/c) − n: positive while the queue would make batches larger than n. */
  private static double excess(
      double n, int engines, double rate, ServiceTimes s, double arrivalScv) {
    double mu = n / s.batchTime(n);
    double a = rate / mu;
    if (a >= engines) {
      return Double.POSITIVE_INFINITY;
    }
    double waiting = ErlangC.waitProbability(engines, a);
    double meanWait = waiting / (engines * mu - rate) * Math.max(1e-9, arrivalScv + s.scvAt(n)) / 2;
    return 1 + rate * meanWait / engines - n;
  }
}

package dev.tandem.planner.sizing;

/**
 * TTFT of a pool of c prefill engines as a G/G/c queue: TTFT = W + S, waiting time plus service.
 *
 * <p>Mean wait (Allen–Cunneen): {@code E[W] ≈ C(c, a) / (cμ − λ) · (c_a² + c_s²)/2}, with C the
 * Erlang-C probability of waiting, a = λ/μ, μ = 1/E[S], c_a² the arrival SCV, c_s² the service SCV.
 * Tail: in M/M/c the wait given that one waits is exponential with rate cμ − λ; the heavy-traffic
 * (Kingman) scaling stretches it by (c_a² + c_s²)/2, so
 *
 * <pre>
 *   P(W &gt; t) ≈ C · exp(−θ t),   θ = (cμ − λ) · 2 / (c_a² + c_s²)
 * </pre>
 *
 * which reproduces the Allen–Cunneen mean (E[W] = C/θ). With W independent of the request's own
 * service time S (strata S_i of equal probability):
 *
 * <pre>
 *   P(TTFT &gt; t) = (1/k) Σ_i P(W &gt; t − S_i),   P(W &gt; x) = 1 for x &lt; 0
 * </pre>
 *
 * The TTFT percentile is the t where that equals 1 − q (bisection; the function falls in t).
 */
public final class PrefillQueue {

  private final double waitProbability;
  private final double theta;
  private final double[] service;

  /**
   * below[m] = Σ_{i &lt; m} e^{θ(S_i − S_{m−1})}: the strata under t, shifted by the largest of
   * them so no term exceeds 1 (no overflow for large θ); below[m+1] = below[m] · e^{θ(S_{m−1} −
   * S_m)} + 1.
   */
  private final double[] below;

  private PrefillQueue(double waitProbability, double theta, double[] service) {
    this.waitProbability = waitProbability;
    this.theta = theta;
    this.service = service;
    this.below = new double[service.length + 1];
    for (int m = 1; m <= service.length; m++) {
      below[m] =
          m == 1 ? 1 : below[m - 1] * Math.exp(theta * (service[m - 2] - service[m - 1])) + 1;
    }
  }

  /**
   * The queue of {@code engines} engines at {@code rate} requests/s; {@code waitProbability} is
   * C(c, a) (callers that search over c keep the Erlang-B recursion running).
   */
  public static PrefillQueue of(
      int engines, double rate, ServiceTimes s, double arrivalScv, double waitProbability) {
    double slack = engines * s.serviceRate() - rate;
    double theta = slack <= 0 ? 0 : slack * 2 / Math.max(1e-9, arrivalScv + s.scv());
    return new PrefillQueue(waitProbability, theta, s.seconds());
  }

  /**
   * The queue of {@code engines} engines at {@code rate} requests/s, with the batches the queue
   * builds ({@link PrefillBatching}): the service rate of the batch size it reaches, the work SCV
   * of a prompt in such a batch, and every request's service time lengthened by its batch-mates'
   * work.
   */
  public static PrefillQueue of(int engines, double rate, ServiceTimes s, double arrivalScv) {
    PrefillBatching b = PrefillBatching.of(engines, rate, s, arrivalScv);
    double a = rate / b.serviceRate();
    double slack = engines * b.serviceRate() - rate;
    double theta = slack <= 0 ? 0 : slack * 2 / Math.max(1e-9, arrivalScv + s.scvAt(b.batchSize()));
    double[] service = s.seconds();
    if (b.coRiderSeconds() > 0) {
      service = service.clone();
      for (int i = 0; i < service.length; i++) {
        service[i] += b.coRiderSeconds();
      }
    }
    return new PrefillQueue(a >= engines ? 1 : ErlangC.waitProbability(engines, a), theta, service);
  }

  /** False when cμ ≤ λ: the queue grows without bound. */
  public boolean stable() {
    return theta > 0;
  }

  public double waitProbability() {
    return waitProbability;
  }

  /**
   * P(TTFT &gt; t), t in seconds. The strata are sorted, so with m strata below t the sum is {@code
   * (k − m) + C e^{−θ(t − S_{m−1})} below[m]}: one exponential per call.
   */
  public double exceedance(double t) {
    if (!stable()) {
      return 1;
    }
    int m = 0;
    while (m < service.length && service[m] < t) {
      m++;
    }
    double waiting =
        m == 0 ? 0 : waitProbability * Math.exp(-theta * (t - service[m - 1])) * below[m];
    return (service.length - m + waiting) / service.length;
  }

  /** The q-quantile of TTFT in seconds; +∞ when unstable. */
  public double percentileSeconds(double q) {
    if (!stable()) {
      return Double.POSITIVE_INFINITY;
    }
    double tail = 1 - q;
    double lo = 0;
    // Every term is at most C·exp(−θ(t − S_max)), so at this t the sum is at most the tail.
    double hi =
        service[service.length - 1] + 1e-9 + Math.log(Math.max(1, waitProbability / tail)) / theta;
    for (int i = 0; i < 60 && hi - lo > 1e-6 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (exceedance(mid) > tail) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}

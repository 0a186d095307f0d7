package dev.tandem.planner.metrics;

import java.time.Duration;

/**
 * The arrival burstiness a prefill queue feels, from the Allan factor of arrival counts per
 * interval τ: what both the Prometheus reader and the simulator hand the planner as {@code
 * arrivalCv2}.
 *
 * <p>Counts can be taken no finer than about twice the scrape interval (τ = 10 s by default), but a
 * prefill queue at TTFT targets of 0.2–2 s drains within about a second: variation of the rate over
 * ten seconds is load the forecast follows, not burstiness the queue must absorb. For arrivals
 * whose rate varies (a doubly stochastic Poisson process) the excess dispersion grows in proportion
 * to τ while τ is short against the rate's own changes, {@code AF(τ) − 1 ≈ τ · Var[λ] / E[λ]}, so
 * the excess measured at τ is scaled down to the queue's scale {@value #QUEUE_SCALE_MILLIS} ms:
 *
 * <pre>
 *   c_a² = max(0, 1 + (AF(τ) − 1) · min(1, s / τ))
 * </pre>
 *
 * It reads 1 for Poisson arrivals at any rate, about 1 on a swinging Poisson load and 5 on the
 * clumped Azure code trace (where AF(10 s) ≈ 45 and the AF of exact one-second counts is 3.1). The
 * linear scaling is conservative where the excess grows faster than τ (as on that trace) and
 * understates clumps of truly simultaneous requests, whose excess does not shrink with τ; the
 * correction learner sees the TTFT such clumps cause.
 */
public final class QueueScaleBurstiness {

  /** The time scale of a prefill queue the burstiness is reported at. */
  public static final long QUEUE_SCALE_MILLIS = 1000;

  private QueueScaleBurstiness() {}

  /**
   * @param allanFactor the Allan factor of arrival counts per {@code tau}
   * @param tau the counting interval
   * @return c_a² at the queue's time scale; NaN when the factor is NaN
   */
  public static double of(double allanFactor, Duration tau) {
    double scale = Math.min(1.0, QUEUE_SCALE_MILLIS / (double) tau.toMillis());
    return Math.max(0, 1 + (allanFactor - 1) * scale);
  }
}

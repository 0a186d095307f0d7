package dev.tandem.planner.sizing;

import dev.tandem.profiles.capacity.DecodeBound;

/**
 * One decode engine at one context under continuous batching, sized for an ITL percentile.
 *
 * <p>Mean batch (Little's law on the monotone ITL line f, ms): each request holds a slot for OSL
 * tokens of k·f(N) ms each, so with λ_e requests/s per engine the mean number in flight solves
 * {@code N̄ = λ_e · OSL · k · f(N̄) / 1000} ({@link ItlLine#fixedPoint}); k is the learned
 * correction.
 *
 * <p>Batch distribution: the number in flight of a G/GI/∞ system is Poisson for Poisson arrivals;
 * bursty arrivals over-disperse it, Var[N] ≈ D · N̄ with D = (1 + c_a²)/2 (the heavy-traffic
 * infinite-server approximation with exponential-like holding times), floored at 0.5. A request
 * sees its own sequence plus the others, so the batch at the q-quantile is {@code N_q = N̄ + 1 +
 * z_q √(D N̄)}, and the predicted ITL percentile is {@code k · f(N_q)}. This errs high: a request's
 * ITL is the mean over its lifetime, which averages the batch fluctuations.
 *
 * <p>Bounds on N_q: ITL (k·f(N_q) ≤ target), KV capacity (N_q ≤ ⌊kvCapacityTokens / context⌋) and
 * the engine's maxSequences. The largest allowed N* gives N̄* from {@code N* = N̄* + 1 + z √(D
 * N̄*)} (a quadratic in √N̄*), and the per-engine capacity {@code λ_e* = 1000 N̄* / (OSL · k ·
 * f(N̄*))}.
 */
public final class DecodeModel {

  private final ItlLine line;
  private final double outputTokens;
  private final double correction;
  private final double dispersion;
  private final double z;
  private final double kvBound;
  private final double maxSequences;

  /**
   * @param line ITL against concurrency at the context
   * @param outputTokens mean OSL, tokens
   * @param correction k, multiplies the profile's ITL
   * @param arrivalScv c_a²
   * @param quantile the ITL target's quantile
   * @param kvBoundSequences ⌊kvCapacityTokens / context⌋
   * @param maxSequences the engine's limit (+∞ when unknown)
   */
  public DecodeModel(
      ItlLine line,
      double outputTokens,
      double correction,
      double arrivalScv,
      double quantile,
      double kvBoundSequences,
      double maxSequences) {
    this.line = line;
    this.outputTokens = Math.max(1, outputTokens);
    this.correction = correction;
    this.dispersion = Math.max(0.5, (1 + arrivalScv) / 2);
    this.z = Normal.quantile(quantile);
    this.kvBound = kvBoundSequences;
    this.maxSequences = maxSequences;
  }

  /** N̄ at {@code perEngineRate} requests/s; +∞ when the engine cannot keep up. */
  public double meanInFlight(double perEngineRate) {
    return line.fixedPoint(perEngineRate * outputTokens * correction / 1000.0);
  }

  /** N_q for a mean of {@code mean} in flight. */
  public double batchPercentile(double mean) {
    return mean + 1 + z * Math.sqrt(dispersion * mean);
  }

  /** The predicted ITL percentile (ms) at {@code perEngineRate}; +∞ when overloaded. */
  public double itlPercentileMillis(double perEngineRate) {
    double mean = meanInFlight(perEngineRate);
    return Double.isInfinite(mean) ? mean : correction * line.at(batchPercentile(mean));
  }

  /** The largest N_q the target and the engine's limits allow, with the limit that set it. */
  public Bounded largestBatch(double itlTargetMillis) {
    double byItl = line.largestWithin(itlTargetMillis / correction);
    if (byItl <= kvBound && byItl <= maxSequences) {
      return new Bounded(byItl, DecodeBound.ITL_TARGET);
    }
    return kvBound <= maxSequences
        ? new Bounded(kvBound, DecodeBound.KV_CAPACITY)
        : new Bounded(maxSequences, DecodeBound.MAX_SEQUENCES);
  }

  /** λ_e*: requests/s one engine carries within {@code itlTargetMillis}; 0 when none fits. */
  public double capacity(double itlTargetMillis) {
    double batch = largestBatch(itlTargetMillis).sequences();
    if (!(batch > 1)) {
      return 0;
    }
    double b = z * Math.sqrt(dispersion);
    double root = (-b + Math.sqrt(b * b + 4 * (batch - 1))) / 2;
    double mean = root * root;
    return mean <= 0 ? 0 : 1000.0 * mean / (outputTokens * correction * line.at(mean));
  }

  /** The ITL percentile at batch 1 with nothing else in flight: no engine count goes below it. */
  public double floorMillis() {
    return correction * line.at(1);
  }

  /** A batch-size limit and what set it. */
  public record Bounded(double sequences, DecodeBound bound) {}
}

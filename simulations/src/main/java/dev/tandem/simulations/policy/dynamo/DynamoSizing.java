package dev.tandem.simulations.policy.dynamo;

import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.policy.ReplicaTargets;

/**
 * The reference planner's replica arithmetic (NVIDIA Dynamo SLA planner, first generation), for one
 * decision. With N̂, Î, Ô the forecast request count, ISL and OSL of the next interval of T
 * seconds, g_p and g_d the GPUs per prefill and decode engine:
 *
 * <pre>
 *   P = max(min, ⌈ N̂·Î/T · min(1, c_p) / thpt_p(Î) / g_p ⌉)
 *   D = max(min, ⌈ N̂·Ô/T / thpt_d / g_d ⌉),  thpt_d = grid throughput at the highest KV usage
 *       whose ITL ≤ ITL_target / c_d, at context Î + Ô/2   (D = min when thpt_d ≤ 0)
 * </pre>
 *
 * thpt_p is the profile's batch-1 prefill throughput (tokens/s/GPU, {@link
 * DynamoPrefillInterpolator}); thpt_d comes from {@link DynamoDecodeGrid}. c_d ≤ 0 counts as 1.
 *
 * <p>Budget B (GPUs, when ≥ 0): if P·g_p + D·g_d &gt; B then, when B &lt; min·(g_p + g_d), both are
 * 0; else with s = B / (P·g_p + D·g_d): P = max(min, min(⌊(B − min·g_d)/g_p⌋, ⌊P·s⌋)) and D =
 * max(min, ⌊(B − P·g_p)/g_d⌋).
 */
public final class DynamoSizing {

  private final DynamoPrefillInterpolator prefill;
  private final DynamoDecodeGrid decode;
  private final int prefillGpus;
  private final int decodeGpus;

  public DynamoSizing(PerformanceProfile profile) {
    this.prefill = new DynamoPrefillInterpolator(profile);
    this.decode = new DynamoDecodeGrid(profile);
    this.prefillGpus = profile.engine().gpusPerEngine();
    this.decodeGpus = profile.engine().gpusPerEngine();
  }

  public DynamoPrefillInterpolator prefill() {
    return prefill;
  }

  public DynamoDecodeGrid decode() {
    return decode;
  }

  /** Prefill engines for {@code requests} of mean ISL {@code isl} over {@code intervalSeconds}. */
  public int prefillReplicas(
      double requests, double isl, double intervalSeconds, double correction, int min) {
    double tokensPerSecond = requests * isl / intervalSeconds * Math.min(1, correction);
    double perGpu = prefill.throughputPerGpu(isl);
    return Math.max(min, (int) Math.ceil(tokensPerSecond / perGpu / prefillGpus));
  }

  /** Decode engines for {@code requests} of mean ISL/OSL over {@code intervalSeconds}. */
  public int decodeReplicas(
      double requests,
      double isl,
      double osl,
      double intervalSeconds,
      double itlTargetMillis,
      double correction,
      int min) {
    double target = correction <= 0 ? itlTargetMillis : itlTargetMillis / correction;
    double perGpu = decode.best(target, isl + osl / 2).throughputPerGpu();
    if (perGpu <= 0) {
      return min;
    }
    double tokensPerSecond = requests * osl / intervalSeconds;
    return Math.max(min, (int) Math.ceil(tokensPerSecond / perGpu / decodeGpus));
  }

  /** Applies the GPU budget (no-op when {@code budget < 0} or when it is not exceeded). */
  public ReplicaTargets fitBudget(int p, int d, int budget, int min) {
    if (budget < 0) {
      return new ReplicaTargets(p, d);
    }
    int total = p * prefillGpus + d * decodeGpus;
    if (total <= budget) {
      return new ReplicaTargets(p, d);
    }
    if (budget < min * prefillGpus + min * decodeGpus) {
      return new ReplicaTargets(0, 0);
    }
    double scale = budget / (double) total;
    int maxPrefill = Math.floorDiv(budget - min * decodeGpus, prefillGpus);
    int newP = Math.max(min, Math.min(maxPrefill, (int) Math.floor(p * scale)));
    int newD = Math.max(min, Math.floorDiv(budget - newP * prefillGpus, decodeGpus));
    return new ReplicaTargets(newP, newD);
  }

  /** c_p = observed mean TTFT / interpolated TTFT at the observed mean ISL. */
  public double prefillCorrection(double observedTtftMillis, double observedIsl) {
    return observedTtftMillis / prefill.ttftMillis(observedIsl);
  }

  /**
   * c_d = observed mean ITL / grid ITL at the Little's-law concurrency {@code requests /
   * decodeEngines × meanDuration / T} and context ISL + OSL/2.
   */
  public double decodeCorrection(
      double observedItlMillis,
      double requests,
      int decodeEngines,
      double meanDurationSeconds,
      double intervalSeconds,
      double isl,
      double osl) {
    double concurrency = requests / decodeEngines * meanDurationSeconds / intervalSeconds;
    return observedItlMillis / decode.itlMillis(concurrency, isl + osl / 2);
  }
}

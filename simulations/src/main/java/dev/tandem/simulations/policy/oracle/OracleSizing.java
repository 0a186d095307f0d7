package dev.tandem.simulations.policy.oracle;

import dev.tandem.simulations.cluster.ProfileTables;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.ReplicaTargets;

/**
 * The engines one bin of known future load needs, from the simulated engines' own service times
 * (the profile tables × the cluster's slowdown: exactly what the simulator charges).
 *
 * <p><b>Prefill.</b> An engine serving full batches of B tokens (the token budget) clears μ_p = B /
 * (TTFT(B) · s) tokens/s. For a bin with Σ ISL = I over b seconds: {@code P = ⌈(I / b) / (ρ_p ·
 * μ_p)⌉}.
 *
 * <p><b>Decode.</b> At the bin's mean context C̄ = E[ISL + OSL/2], n* is the largest batch whose
 * step time ITL(n, C̄) · s stays within the ITL target; one engine then generates μ_d = n* /
 * (ITL(n*, C̄) · s) tokens/s. For Σ (OSL − 1) = G decode tokens: {@code D_tok = ⌈(G / b) / (ρ_d ·
 * μ_d)⌉}. KV: a request holds ISL + OSL tokens for (OSL − 1) steps of ITL(n*) each, so the KV
 * tokens in use are Σ (ISL + OSL)(OSL − 1) · ITL / b (Little's law); {@code D_kv = ⌈that / (ρ_d ·
 * KV capacity)⌉}. D = max(D_tok, D_kv, 1).
 *
 * <p>ρ_p, ρ_d ∈ (0, 1] are the utilisation knobs the oracle search turns (lower = more headroom).
 */
public final class OracleSizing {

  private final ProfileTables tables;
  private final SlaTargets sla;
  private final double slowdown;
  private final long kvCapacityTokens;
  private final double prefillTokensPerSecond;

  public OracleSizing(
      ProfileTables tables, SlaTargets sla, int tokenBudget, double slowdown, long kvCapacity) {
    this.tables = tables;
    this.sla = sla;
    this.slowdown = slowdown;
    this.kvCapacityTokens = kvCapacity;
    this.prefillTokensPerSecond = tokenBudget / (tables.ttftMillis(tokenBudget) * slowdown / 1e3);
  }

  /** μ_p: tokens/s one prefill engine clears at full batches. */
  public double prefillTokensPerSecond() {
    return prefillTokensPerSecond;
  }

  /** n*: the largest batch whose step time meets the ITL target at {@code context} (≥ 1). */
  public int decodeBatch(double contextTokens) {
    double target = sla.itlTargetMillis();
    int lo = 1;
    int hi = 1;
    while (hi < 1 << 16 && tables.itlMillis(hi * 2, contextTokens) * slowdown <= target) {
      hi *= 2;
    }
    hi = Math.min(hi * 2, 1 << 16);
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (tables.itlMillis(mid, contextTokens) * slowdown <= target) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Engines for one bin of {@code seconds} with the given sums (see the class comment). */
  public ReplicaTargets size(
      double seconds,
      double inputTokens,
      double decodeTokens,
      double meanContext,
      double kvTokenSteps,
      double prefillUtilisation,
      double decodeUtilisation) {
    int p = (int) Math.ceil(inputTokens / seconds / (prefillUtilisation * prefillTokensPerSecond));
    int d = 1;
    if (decodeTokens > 0) {
      int n = decodeBatch(meanContext);
      double stepSeconds = tables.itlMillis(n, meanContext) * slowdown / 1e3;
      double perEngine = n / stepSeconds;
      int byTokens = (int) Math.ceil(decodeTokens / seconds / (decodeUtilisation * perEngine));
      double kvInUse = kvTokenSteps * stepSeconds / seconds;
      int byKv = (int) Math.ceil(kvInUse / (decodeUtilisation * kvCapacityTokens));
      d = Math.max(byTokens, byKv);
    }
    return new ReplicaTargets(Math.max(1, p), Math.max(1, d));
  }
}

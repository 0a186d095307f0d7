package dev.tandem.simulations.cluster;

import dev.tandem.profiles.model.PerformanceProfile;
import java.util.OptionalInt;

/**
 * How the simulated cluster behaves beyond what the profile says.
 *
 * @param prefillTokenBudget tokens one prefill batch may hold; empty means the profile's {@code
 *     maxBatchedTokens}, or {@value #DEFAULT_PREFILL_TOKEN_BUDGET} when the profile has none
 *     (vLLM's usual {@code max_num_batched_tokens} for online serving)
 * @param kvTransfer prefill→decode KV transfer latency, added to TTFT
 * @param slowdown multiplier on every service time (1 = the profile; 1.3 = engines 30 % slower than
 *     profiled, the {@code profile-drift} case)
 */
public record ClusterOptions(
    OptionalInt prefillTokenBudget, KvTransfer kvTransfer, double slowdown) {

  public static final int DEFAULT_PREFILL_TOKEN_BUDGET = 8192;

  /** Profile budget (or 8192), no KV transfer time, engines as profiled. */
  public static final ClusterOptions DEFAULTS =
      new ClusterOptions(OptionalInt.empty(), KvTransfer.NONE, 1.0);

  public ClusterOptions {
    prefillTokenBudget.ifPresent(
        b -> {
          if (b < 1) {
            throw new IllegalArgumentException("prefillTokenBudget must be >= 1, got " + b);
          }
        });
    if (!(slowdown > 0) || Double.isInfinite(slowdown)) {
      throw new IllegalArgumentException("slowdown must be a finite number > 0, got " + slowdown);
    }
  }

  public ClusterOptions withKvTransfer(KvTransfer transfer) {
    return new ClusterOptions(prefillTokenBudget, transfer, slowdown);
  }

  public ClusterOptions withSlowdown(double factor) {
    return new ClusterOptions(prefillTokenBudget, kvTransfer, factor);
  }

  public ClusterOptions withPrefillTokenBudget(int tokens) {
    return new ClusterOptions(OptionalInt.of(tokens), kvTransfer, slowdown);
  }

  /** The budget in force for {@code profile}. */
  public int tokenBudgetFor(PerformanceProfile profile) {
    if (prefillTokenBudget.isPresent()) {
      return prefillTokenBudget.getAsInt();
    }
    return profile.engine().maxBatchedTokens().orElse(DEFAULT_PREFILL_TOKEN_BUDGET);
  }
}

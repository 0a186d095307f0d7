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
 * @param sharedPrefillQueue false (default): the router picks a prefill engine at arrival and the
 *     request waits in that engine's queue (vLLM behind a router); true: arrivals wait in one
 *     cluster-wide FIFO and an idle ready prefill engine pulls its next batch from it (Dynamo's
 *     disaggregated prefill workers pulling from a shared queue), so a backlog is served by every
 *     engine, including ones that start later
 * @param limits the scenario's maxReplicas per role and GPU budget, imposed on every policy
 */
public record ClusterOptions(
    OptionalInt prefillTokenBudget,
    KvTransfer kvTransfer,
    double slowdown,
    boolean sharedPrefillQueue,
    ReplicaLimits limits) {

  public static final int DEFAULT_PREFILL_TOKEN_BUDGET = 8192;

  /** Profile budget (or 8192), no KV transfer time, engines as profiled. */
  public static final ClusterOptions DEFAULTS =
      new ClusterOptions(OptionalInt.empty(), KvTransfer.NONE, 1.0, false, ReplicaLimits.UNBOUNDED);

  /** Per-engine prefill queues. */
  public ClusterOptions(OptionalInt prefillTokenBudget, KvTransfer kvTransfer, double slowdown) {
    this(prefillTokenBudget, kvTransfer, slowdown, false, ReplicaLimits.UNBOUNDED);
  }

  public ClusterOptions {
    java.util.Objects.requireNonNull(limits, "limits");
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
    return new ClusterOptions(prefillTokenBudget, transfer, slowdown, sharedPrefillQueue, limits);
  }

  public ClusterOptions withSlowdown(double factor) {
    return new ClusterOptions(prefillTokenBudget, kvTransfer, factor, sharedPrefillQueue, limits);
  }

  public ClusterOptions withPrefillTokenBudget(int tokens) {
    return new ClusterOptions(
        OptionalInt.of(tokens), kvTransfer, slowdown, sharedPrefillQueue, limits);
  }

  public ClusterOptions withSharedPrefillQueue(boolean shared) {
    return new ClusterOptions(prefillTokenBudget, kvTransfer, slowdown, shared, limits);
  }

  public ClusterOptions withLimits(ReplicaLimits l) {
    return new ClusterOptions(prefillTokenBudget, kvTransfer, slowdown, sharedPrefillQueue, l);
  }

  /** The budget in force for {@code profile}. */
  public int tokenBudgetFor(PerformanceProfile profile) {
    if (prefillTokenBudget.isPresent()) {
      return prefillTokenBudget.getAsInt();
    }
    return profile.engine().maxBatchedTokens().orElse(DEFAULT_PREFILL_TOKEN_BUDGET);
  }
}

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
 * @param prefillQueue where arrivals wait for prefill ({@link PrefillQueue}): a queue per engine
 *     chosen least-loaded (default) or round-robin at arrival, or one shared queue that idle ready
 *     engines pull from, so a backlog is served by every engine, including ones that start later
 * @param limits the scenario's maxReplicas per role and GPU budget, imposed on every policy
 */
public record ClusterOptions(
    OptionalInt prefillTokenBudget,
    KvTransfer kvTransfer,
    double slowdown,
    PrefillQueue prefillQueue,
    ReplicaLimits limits) {

  public static final int DEFAULT_PREFILL_TOKEN_BUDGET = 8192;

  /** Profile budget (or 8192), no KV transfer time, engines as profiled. */
  public static final ClusterOptions DEFAULTS =
      new ClusterOptions(
          OptionalInt.empty(),
          KvTransfer.NONE,
          1.0,
          PrefillQueue.LEAST_LOADED,
          ReplicaLimits.UNBOUNDED);

  /** Per-engine prefill queues. */
  public ClusterOptions(OptionalInt prefillTokenBudget, KvTransfer kvTransfer, double slowdown) {
    this(
        prefillTokenBudget,
        kvTransfer,
        slowdown,
        PrefillQueue.LEAST_LOADED,
        ReplicaLimits.UNBOUNDED);
  }

  public ClusterOptions {
    java.util.Objects.requireNonNull(limits, "limits");
    java.util.Objects.requireNonNull(prefillQueue, "prefillQueue");
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
    return new ClusterOptions(prefillTokenBudget, transfer, slowdown, prefillQueue, limits);
  }

  public ClusterOptions withSlowdown(double factor) {
    return new ClusterOptions(prefillTokenBudget, kvTransfer, factor, prefillQueue, limits);
  }

  public ClusterOptions withPrefillTokenBudget(int tokens) {
    return new ClusterOptions(OptionalInt.of(tokens), kvTransfer, slowdown, prefillQueue, limits);
  }

  /** Shared queue (true) or least-loaded per-engine queues (false). */
  public ClusterOptions withSharedPrefillQueue(boolean shared) {
    return withPrefillQueue(shared ? PrefillQueue.SHARED : PrefillQueue.LEAST_LOADED);
  }

  public ClusterOptions withPrefillQueue(PrefillQueue q) {
    return new ClusterOptions(prefillTokenBudget, kvTransfer, slowdown, q, limits);
  }

  /** True when arrivals wait in one shared prefill queue. */
  public boolean sharedPrefillQueue() {
    return prefillQueue == PrefillQueue.SHARED;
  }

  public ClusterOptions withLimits(ReplicaLimits l) {
    return new ClusterOptions(prefillTokenBudget, kvTransfer, slowdown, prefillQueue, l);
  }

  /** The budget in force for {@code profile}. */
  public int tokenBudgetFor(PerformanceProfile profile) {
    if (prefillTokenBudget.isPresent()) {
      return prefillTokenBudget.getAsInt();
    }
    return profile.engine().maxBatchedTokens().orElse(DEFAULT_PREFILL_TOKEN_BUDGET);
  }
}

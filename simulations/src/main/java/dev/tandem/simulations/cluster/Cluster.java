package dev.tandem.simulations.cluster;

import dev.tandem.config.policy.Role;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The engines of both roles, the least-loaded router, and GPU-time accounting. Holds no clock and
 * schedules nothing: the {@code Simulation} calls in with the current time and schedules the events
 * these methods ask for.
 *
 * <p><b>Router.</b> A request goes to the {@link EngineState#READY} engine of its role with the
 * least {@link Engine#load()} (prefill: outstanding prompt tokens; decode: KV tokens reserved and
 * queued); ties go to the lowest index. With no ready engine it waits in the role's holding queue
 * until one becomes ready. Queued requests never move between engines. The choice comes from a
 * {@link LeastLoadedIndex} per role in O(log n), the same engine a scan of the role's list would
 * choose.
 *
 * <p><b>Scaling.</b> The replica count of a role is its starting plus ready engines. Raising it
 * requests new engines (ready after the start-up time). Lowering it first cancels starting engines
 * (newest first; they are gone at once), then drains ready ones (least loaded first, ties to the
 * newest): a draining engine takes no new work and is gone when idle. A draining engine is never
 * brought back (a terminating pod cannot be).
 *
 * <p><b>GPU time.</b> Each engine costs {@code gpusPerEngine} GPUs from the moment it is requested
 * until it is gone (or the run ends). Kept twice, as a cross-check: per engine at release, and as
 * the running integral of active GPUs over time.
 */
public final class Cluster {

  private final ProfileTables tables;
  private final int gpusPerEngine;
  private final long kvCapacityTokens;
  private final int maxSequences;
  private final int tokenBudget;
  private final double slowdown;
  private final boolean sharedPrefillQueue;
  private final boolean roundRobinPrefill;
  private int roundRobinNext;
  private final ArrayDeque<PrefillEngine> idlePrefill = new ArrayDeque<>();

  private final List<PrefillEngine> prefill = new ArrayList<>();
  private final List<DecodeEngine> decode = new ArrayList<>();
  private final ArrayDeque<SimRequest> prefillHold = new ArrayDeque<>();
  private final ArrayDeque<SimRequest> decodeHold = new ArrayDeque<>();
  private final LeastLoadedIndex<PrefillEngine> prefillIndex = new LeastLoadedIndex<>();
  private final LeastLoadedIndex<DecodeEngine> decodeIndex = new LeastLoadedIndex<>();
  private int nextPrefillIndex;
  private int nextDecodeIndex;

  private long activeGpus;
  private long integralGpuMicros;
  private long lastAccrualMicros;
  private long releasedGpuMicros;

  public Cluster(PerformanceProfile profile, ProfileTables tables, ClusterOptions options) {
    this.tables = tables;
    this.gpusPerEngine = profile.engine().gpusPerEngine();
    this.kvCapacityTokens = profile.engine().kvCapacityTokens();
    this.maxSequences = profile.engine().maxSequences().orElse(Integer.MAX_VALUE);
    this.tokenBudget = options.tokenBudgetFor(profile);
    this.slowdown = options.slowdown();
    this.sharedPrefillQueue = options.sharedPrefillQueue();
    this.roundRobinPrefill = options.prefillQueue() == PrefillQueue.ROUND_ROBIN;
  }

  /**
   * True when arrivals wait in one shared prefill queue ({@link #holdQueue} of {@link
   * Role#PREFILL}) that idle ready engines pull from, instead of per-engine queues.
   */
  public boolean sharedPrefillQueue() {
    return sharedPrefillQueue;
  }

  /** Requests waiting in the shared prefill queue (0 with per-engine queues). */
  public int sharedPrefillWaiting() {
    return sharedPrefillQueue ? prefillHold.size() : 0;
  }

  /** Shared-queue mode: {@code e} is ready and idle, so it may pull the next batch. */
  public void offerIdlePrefill(PrefillEngine e) {
    idlePrefill.addLast(e);
  }

  /**
   * Shared-queue mode: an idle ready prefill engine (the one idle longest), or null. Engines that
   * left READY or got busy since they were offered are skipped.
   */
  public PrefillEngine takeIdlePrefill() {
    while (!idlePrefill.isEmpty()) {
      PrefillEngine e = idlePrefill.pollFirst();
      if (e.state == EngineState.READY && !e.busy()) {
        return e;
      }
    }
    return null;
  }

  public ProfileTables tables() {
    return tables;
  }

  public int gpusPerEngine() {
    return gpusPerEngine;
  }

  public int tokenBudget() {
    return tokenBudget;
  }

  public double slowdown() {
    return slowdown;
  }

  /** Engines of a role that are not gone, in order of request. */
  public List<? extends Engine> engines(Role role) {
    return role == Role.PREFILL ? prefill : decode;
  }

  public List<PrefillEngine> prefillEngines() {
    return prefill;
  }

  public List<DecodeEngine> decodeEngines() {
    return decode;
  }

  /** Count of a role's engines in {@code state}. */
  public int count(Role role, EngineState state) {
    int n = 0;
    for (Engine e : engines(role)) {
      if (e.state == state) {
        n++;
      }
    }
    return n;
  }

  /** Starting plus ready: the replica count a scaling policy sets. */
  public int replicas(Role role) {
    return count(role, EngineState.STARTING) + count(role, EngineState.READY);
  }

  /** Requests held because no engine of the role was ready. */
  public int held(Role role) {
    return role == Role.PREFILL ? prefillHold.size() : decodeHold.size();
  }

  /** Requests a new engine of {@code role} at {@code now}; the caller schedules its readiness. */
  public Engine requestEngine(Role role, long now) {
    accrue(now);
    activeGpus += gpusPerEngine;
    if (role == Role.PREFILL) {
      PrefillEngine e = new PrefillEngine(nextPrefillIndex++, gpusPerEngine, now);
      prefill.add(e);
      prefillIndex.add(e);
      return e;
    }
    DecodeEngine e =
        new DecodeEngine(nextDecodeIndex++, gpusPerEngine, now, kvCapacityTokens, maxSequences);
    decode.add(e);
    decodeIndex.add(e);
    return e;
  }

  /** Marks a starting engine ready; false when it was cancelled meanwhile. */
  public boolean markReady(Engine e) {
    if (e.state != EngineState.STARTING) {
      return false;
    }
    e.moveTo(EngineState.READY);
    return true;
  }

  /** Takes the requests held for {@code role} (to be routed again once an engine is ready). */
  public ArrayDeque<SimRequest> holdQueue(Role role) {
    return role == Role.PREFILL ? prefillHold : decodeHold;
  }

  /**
   * The prefill engine for the next arrival, or null when none is ready: the least-loaded ready
   * engine (the first in list order among equals), or with round-robin routing the next ready
   * engine in list order after the last one chosen.
   */
  public PrefillEngine pickPrefill() {
    if (!roundRobinPrefill) {
      return prefillIndex.leastFirst();
    }
    int n = prefill.size();
    for (int k = 0; k < n; k++) {
      int i = (roundRobinNext + k) % n;
      PrefillEngine e = prefill.get(i);
      if (e.state == EngineState.READY) {
        roundRobinNext = i + 1;
        return e;
      }
    }
    return null;
  }

  /** Least-loaded ready decode engine (the first in list order among equals), or null. */
  public DecodeEngine pickDecode() {
    return decodeIndex.leastFirst();
  }

  /**
   * Lowers a role's replica count by {@code count}: cancels starting engines newest first, then
   * drains the least-loaded ready ones (the last in list order among equals). Returns the engines
   * that became gone at once.
   */
  public int shrink(Role role, int count, long now) {
    List<? extends Engine> list = engines(role);
    int left = count;
    for (int i = list.size() - 1; i >= 0 && left > 0; i--) {
      if (list.get(i).state == EngineState.STARTING) {
        release(list.get(i), now);
        left--;
      }
    }
    LeastLoadedIndex<?> index = role == Role.PREFILL ? prefillIndex : decodeIndex;
    while (left > 0) {
      Engine victim = index.leastLast();
      if (victim == null) {
        break;
      }
      victim.moveTo(EngineState.DRAINING);
      left--;
      if (victim.isIdle()) {
        release(victim, now);
      }
    }
    prefill.removeIf(e -> e.state == EngineState.GONE);
    decode.removeIf(e -> e.state == EngineState.GONE);
    return count - left;
  }

  /** Releases a draining engine that has become idle. */
  public void releaseIfDrained(Engine e, long now) {
    if (e.state == EngineState.DRAINING && e.isIdle()) {
      release(e, now);
      if (e instanceof PrefillEngine) {
        prefill.remove(e);
      } else {
        decode.remove(e);
      }
    }
  }

  private void release(Engine e, long now) {
    accrue(now);
    e.moveTo(EngineState.GONE);
    e.goneMicros = now;
    activeGpus -= e.gpus;
    releasedGpuMicros += (now - e.requestedMicros) * e.gpus;
  }

  private void accrue(long now) {
    integralGpuMicros += activeGpus * (now - lastAccrualMicros);
    lastAccrualMicros = now;
  }

  /** GPUs held now (starting, ready and draining engines). */
  public long activeGpus() {
    return activeGpus;
  }

  /** ∫ active GPUs dt from 0 to {@code now}, GPU·µs. */
  public long integralGpuMicros(long now) {
    return integralGpuMicros + activeGpus * (now - lastAccrualMicros);
  }

  /** Σ over engines of GPUs × (gone or {@code now} − requested), GPU·µs. */
  public long perEngineGpuMicros(long now) {
    long sum = releasedGpuMicros;
    for (Engine e : prefill) {
      sum += (now - e.requestedMicros) * e.gpus;
    }
    for (Engine e : decode) {
      sum += (now - e.requestedMicros) * e.gpus;
    }
    return sum;
  }
}

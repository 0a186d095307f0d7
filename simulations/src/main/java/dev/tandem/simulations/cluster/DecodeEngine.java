package dev.tandem.simulations.cluster;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A decode engine with continuous batching, simulated with a token clock instead of one event per
 * generated token.
 *
 * <p><b>Token clock.</b> {@code position} counts decode steps taken since the engine started: every
 * sequence in the batch gains one token per step, and a step takes {@code itl} µs, so between two
 * batch changes {@code position(t) = position(t₀) + (t − t₀) / itl}. A request joining at position
 * {@code p} finishes when the clock reaches {@code p + max(0, OSL − 1)} (the prefill produced the
 * first token). Running requests sit in a heap keyed by that finish position; the engine's next
 * event is the heap minimum, at {@code t₀ + ⌈(p_min − position(t₀)) · itl⌉} µs. The step time is
 * recomputed only when the batch changes, so a request costs O(log n) (one push, one pop, two
 * recomputations).
 *
 * <p><b>Step time.</b> {@code itl = ITL(n, C̄) × slowdown} from the profile, with n the batch size
 * and C̄ the batch mean of each sequence's ISL + OSL/2: its mean context over its decode life,
 * which is the profile's definition of context (and, in a steady batch with sequences at uniformly
 * spread phases, the mean of the current contexts too).
 *
 * <p><b>KV capacity.</b> Admission reserves ISL + OSL tokens (the final context) so a running
 * request never has to be preempted; waiting requests are admitted in FIFO order (no overtaking)
 * while the reservation fits and, when the profile sets it, the batch is below {@code
 * maxSequences}. A request larger than the whole cache is admitted alone on an empty engine rather
 * than blocking forever. The KV usage the engine reports is the tokens actually held: Σ (ISL + 1 +
 * tokens generated so far).
 */
public final class DecodeEngine extends Engine {

  private static final double FINISH_TOLERANCE = 1e-6;

  final ArrayDeque<SimRequest> waiting = new ArrayDeque<>();
  long waitingKvTokens;
  private final FinishHeap running = new FinishHeap();
  private final long kvCapacityTokens;
  private final int maxSequences;

  private long reservedKvTokens;
  private double position;
  private long positionMicros;
  private double stepMicros;
  private double sumMeanContext;
  private double sumInputPlusFirst;
  private double sumJoinPosition;

  /** Incremented whenever a new finish event replaces the pending one; older events are stale. */
  private int version;

  /** Time of the pending (live) finish event, µs, or -1 when none is pending. */
  private long pendingMicros = -1;

  DecodeEngine(int index, int gpus, long requestedMicros, long kvCapacityTokens, int maxSequences) {
    super(index, gpus, requestedMicros);
    this.kvCapacityTokens = kvCapacityTokens;
    this.maxSequences = maxSequences;
  }

  public void enqueue(SimRequest r) {
    waiting.addLast(r);
    waitingKvTokens += r.kvReservationTokens();
    loadChanged();
  }

  /** Moves the token clock to {@code now}. */
  public void advanceTo(long now) {
    if (running.size() > 0) {
      position += (now - positionMicros) / stepMicros;
    }
    positionMicros = now;
  }

  /**
   * Admits waiting requests that fit. Call after {@link #advanceTo}.
   *
   * @return true when the batch changed
   */
  public boolean admit() {
    boolean changed = false;
    while (!waiting.isEmpty()) {
      SimRequest head = waiting.peekFirst();
      long need = head.kvReservationTokens();
      boolean fits = reservedKvTokens + need <= kvCapacityTokens || running.isEmpty();
      if (!fits || running.size() >= maxSequences) {
        break;
      }
      waiting.pollFirst();
      waitingKvTokens -= need;
      reservedKvTokens += need;
      head.joinPosition = position;
      head.finishPosition = position + head.decodeTokens();
      sumMeanContext += head.meanContextTokens();
      sumInputPlusFirst += head.inputTokens + 1;
      sumJoinPosition += position;
      running.push(head);
      changed = true;
    }
    if (changed) {
      loadChanged();
    }
    return changed;
  }

  /**
   * Removes every request whose finish position has been reached. Call after {@link #advanceTo}.
   *
   * @return how many finished
   */
  public int completeFinished(long now, Consumer<SimRequest> onComplete) {
    int done = 0;
    while (!running.isEmpty() && running.minKey() <= position + FINISH_TOLERANCE) {
      SimRequest r = running.pop();
      reservedKvTokens -= r.kvReservationTokens();
      sumMeanContext -= r.meanContextTokens();
      sumInputPlusFirst -= r.inputTokens + 1;
      sumJoinPosition -= r.joinPosition;
      r.completionMicros = now;
      onComplete.accept(r);
      done++;
    }
    if (running.isEmpty()) {
      // Rebase the clock so positions stay small and sums carry no rounding residue.
      position = 0;
      sumMeanContext = 0;
      sumInputPlusFirst = 0;
      sumJoinPosition = 0;
    }
    if (done > 0) {
      loadChanged();
    }
    return done;
  }

  /**
   * Recomputes the step time after a batch change and decides whether a new finish event is needed.
   * One live event per engine is enough: if the pending one fires no later than the new next
   * finish, it is kept (it fires early, finds nothing finished and reschedules), so joins do not
   * flood the event queue with stale events. Otherwise the version is bumped (the pending event
   * becomes stale) and the new time returned for scheduling under {@link #version()}.
   *
   * @return time of the new finish event to schedule, µs, or -1 when none is needed
   */
  public long reschedule(ProfileTables tables, double slowdown) {
    long next = nextFinish(tables, slowdown);
    if (next < 0) {
      return -1;
    }
    if (pendingMicros >= 0 && pendingMicros <= next) {
      return -1;
    }
    version++;
    pendingMicros = next;
    return next;
  }

  /** The pending finish event fired (call before handling it). */
  public void eventFired() {
    pendingMicros = -1;
  }

  /** Recomputes the step time; the time of the next finish, µs, or -1 when the batch is empty. */
  private long nextFinish(ProfileTables tables, double slowdown) {
    int n = running.size();
    if (n == 0) {
      return -1;
    }
    stepMicros = tables.itlMillis(n, sumMeanContext / n) * 1000.0 * slowdown;
    double remaining = Math.max(0, running.minKey() - position);
    return positionMicros + (long) Math.ceil(remaining * stepMicros);
  }

  /** The current batch version; a finish event scheduled under another version is stale. */
  public int version() {
    return version;
  }

  /** Sequences in the batch. */
  public int running() {
    return running.size();
  }

  /** Requests waiting for KV space. */
  public int waitingCount() {
    return waiting.size();
  }

  /** Current step time (mean ITL of the batch), µs; meaningless when the batch is empty. */
  public double stepMicros() {
    return stepMicros;
  }

  /** KV tokens actually held at {@code now}: Σ (ISL + 1 + tokens generated). */
  public double kvTokensInUse(long now) {
    int n = running.size();
    if (n == 0) {
      return 0;
    }
    double pos = position + (now - positionMicros) / stepMicros;
    return sumInputPlusFirst + n * pos - sumJoinPosition;
  }

  /** {@link #kvTokensInUse} as a fraction of the capacity. */
  public double kvUsage(long now) {
    return Math.min(1.0, kvTokensInUse(now) / kvCapacityTokens);
  }

  public long reservedKvTokens() {
    return reservedKvTokens;
  }

  @Override
  public boolean isIdle() {
    return running.isEmpty() && waiting.isEmpty();
  }

  /** KV tokens reserved by running requests plus those the waiting requests will reserve. */
  @Override
  public long load() {
    return reservedKvTokens + waitingKvTokens;
  }
}

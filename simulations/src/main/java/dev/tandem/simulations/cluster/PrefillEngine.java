package dev.tandem.simulations.cluster;

import java.util.ArrayDeque;

/**
 * A prefill engine: a FIFO queue and one batch in service at a time.
 *
 * <p>Batching rule: when idle, the engine takes requests from the head of its queue while the sum
 * of their ISLs stays within the token budget (always at least one request, even if its ISL alone
 * exceeds the budget: chunked prefill would split it over several passes of the same total work).
 * The batch's service time is the profile's batch-1 TTFT at the batch's total tokens, {@code TTFT(Σ
 * ISL)} × slowdown: prefill is compute-bound, so a batch costs about what one prompt of the same
 * total length costs (slightly more, since TTFT(Σ) includes attention over Σ² rather than Σ ISL²:
 * conservative). All requests of a batch finish together.
 */
public final class PrefillEngine extends Engine {

  final ArrayDeque<SimRequest> queue = new ArrayDeque<>();
  long queuedTokens;
  SimRequest[] batch = new SimRequest[8];
  int batchSize;
  long inServiceTokens;
  boolean busy;

  PrefillEngine(int index, int gpus, long requestedMicros) {
    super(index, gpus, requestedMicros);
  }

  public void enqueue(SimRequest r) {
    queue.addLast(r);
    queuedTokens += r.inputTokens;
    loadChanged();
  }

  /**
   * Starts the next batch if idle and work is queued.
   *
   * @return the batch's service time in µs, or -1 when nothing started
   */
  public long startBatch(ProfileTables tables, int tokenBudget, double slowdown) {
    long service = takeBatch(queue, tables, tokenBudget, slowdown);
    if (service >= 0) {
      queuedTokens -= inServiceTokens;
      loadChanged();
    }
    return service;
  }

  /**
   * Starts the next batch from {@code source} (this engine's own queue, or the cluster's shared
   * prefill queue) if idle and work is waiting there; same batching rule and service time.
   *
   * @return the batch's service time in µs, or -1 when nothing started
   */
  public long startBatchFrom(
      ArrayDeque<SimRequest> source, ProfileTables tables, int tokenBudget, double slowdown) {
    long service = takeBatch(source, tables, tokenBudget, slowdown);
    if (service >= 0) {
      loadChanged();
    }
    return service;
  }

  /** Takes the next batch from {@code source}; the service time in µs, or -1 when none started. */
  private long takeBatch(
      ArrayDeque<SimRequest> source, ProfileTables tables, int tokenBudget, double slowdown) {
    if (busy || source.isEmpty()) {
      return -1;
    }
    batchSize = 0;
    long tokens = 0;
    while (!source.isEmpty()) {
      SimRequest head = source.peekFirst();
      if (batchSize > 0 && tokens + head.inputTokens > tokenBudget) {
        break;
      }
      source.pollFirst();
      tokens += head.inputTokens;
      if (batchSize == batch.length) {
        batch = java.util.Arrays.copyOf(batch, batchSize * 2);
      }
      batch[batchSize++] = head;
    }
    inServiceTokens = tokens;
    busy = true;
    int t = (int) Math.min(Integer.MAX_VALUE, tokens);
    return Math.max(1, Math.round(tables.ttftMillis(t) * 1000.0 * slowdown));
  }

  /** True while a batch is in service. */
  public boolean busy() {
    return busy;
  }

  public void finishBatch() {
    for (int i = 0; i < batchSize; i++) {
      batch[i] = null;
    }
    batchSize = 0;
    inServiceTokens = 0;
    busy = false;
    loadChanged();
  }

  /** The {@code i}-th request of the batch being served. */
  public SimRequest batchAt(int i) {
    return batch[i];
  }

  /** Requests in the batch being served. */
  public int inService() {
    return batchSize;
  }

  /** Requests waiting in the queue (not in the batch being served). */
  public int waiting() {
    return queue.size();
  }

  @Override
  public boolean isIdle() {
    return !busy && queue.isEmpty();
  }

  /** Outstanding prefill tokens: queued plus in service. */
  @Override
  public long load() {
    return queuedTokens + inServiceTokens;
  }
}

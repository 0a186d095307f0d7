package dev.tandem.simulations.cluster;

/**
 * One request in flight, mutable: the simulator fills in its timestamps as it moves through the
 * pipeline. Times are µs of simulated time; -1 means "not yet".
 */
public final class SimRequest {

  /** Position in arrival order, from 0. */
  public final long id;

  public final long arrivalMicros;
  public final int inputTokens;
  public final int outputTokens;

  /** When the first token reached the client: end of prefill plus KV transfer. */
  public long firstTokenMicros = -1;

  /** When the last token was produced. */
  public long completionMicros = -1;

  /** Decode engine's token-clock position when this request joined its batch. */
  double joinPosition;

  /** Token-clock position at which this request has produced all its decode tokens. */
  double finishPosition;

  public SimRequest(long id, long arrivalMicros, int inputTokens, int outputTokens) {
    this.id = id;
    this.arrivalMicros = arrivalMicros;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
  }

  /**
   * Tokens the decode engine must generate: all but the first, which the prefill produced ({@code
   * max(0, OSL − 1)}).
   */
  public int decodeTokens() {
    return Math.max(0, outputTokens - 1);
  }

  /**
   * KV-cache tokens reserved on a decode engine while the request runs: ISL + OSL (the whole final
   * context, reserved at admission so a running request never needs preempting).
   */
  public long kvReservationTokens() {
    return (long) inputTokens + Math.max(1, outputTokens);
  }

  /** The request's mean context over its decode life, ISL + OSL/2 (the profile's "context"). */
  public double meanContextTokens() {
    return inputTokens + outputTokens / 2.0;
  }
}

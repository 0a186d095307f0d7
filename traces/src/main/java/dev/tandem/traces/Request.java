package dev.tandem.traces;

/**
 * One request of a trace.
 *
 * @param arrivalMicros arrival time in integer microseconds since the start of the trace (&ge; 0)
 * @param inputTokens prompt length in tokens (ISL, &ge; 0)
 * @param outputTokens generated length in tokens (OSL, &ge; 0)
 */
public record Request(long arrivalMicros, int inputTokens, int outputTokens) {

  /**
   * The most tokens a trace reader accepts for one prompt or one output: 10 M, ten times the
   * longest context windows served today (1 M) and equal to the largest announced (10 M). A longer
   * value is a corrupt or synthetic row, and taken at face value it made a replay extrapolate a
   * prefill of minutes per request and search absurd static splits for it; the readers refuse it at
   * its file, line and field instead. The REST dry-run refuses lengths above the same bound.
   */
  public static final int MAX_TOKENS = 10_000_000;

  public Request {
    if (arrivalMicros < 0) {
      throw new IllegalArgumentException("arrivalMicros must be >= 0, got " + arrivalMicros);
    }
    if (inputTokens < 0) {
      throw new IllegalArgumentException("inputTokens must be >= 0, got " + inputTokens);
    }
    if (outputTokens < 0) {
      throw new IllegalArgumentException("outputTokens must be >= 0, got " + outputTokens);
    }
  }

  /**
   * The same request shifted by {@code deltaMicros} (which may be negative if the result is not).
   */
  public Request shifted(long deltaMicros) {
    return new Request(arrivalMicros + deltaMicros, inputTokens, outputTokens);
  }
}

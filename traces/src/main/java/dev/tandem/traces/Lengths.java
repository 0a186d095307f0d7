package dev.tandem.traces;

/** Input and output length of one request, in tokens. */
public record Lengths(int inputTokens, int outputTokens) {

  public Lengths {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException(
          "token counts must be >= 0, got input=" + inputTokens + " output=" + outputTokens);
    }
  }
}

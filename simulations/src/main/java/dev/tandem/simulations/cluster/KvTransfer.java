package dev.tandem.simulations.cluster;

/**
 * Latency of moving a request's KV cache from its prefill engine to its decode engine, added to
 * TTFT. Modelled as pure latency: transfers do not contend for bandwidth with one another.
 */
public sealed interface KvTransfer {

  /** Latency in µs for a request of {@code inputTokens} tokens. */
  long latencyMicros(int inputTokens);

  /** No transfer time (the profile's TTFT already includes whatever the engine did). */
  KvTransfer NONE = new Fixed(0);

  /** The same latency for every request. */
  record Fixed(long micros) implements KvTransfer {
    public Fixed {
      if (micros < 0) {
        throw new IllegalArgumentException("KV transfer latency must be >= 0 µs, got " + micros);
      }
    }

    @Override
    public long latencyMicros(int inputTokens) {
      return micros;
    }
  }

  /**
   * {@code ceil(bytesPerToken × ISL / bytesPerSecond × 10⁶)} µs. For a model with L layers, H_kv KV
   * heads of dimension d and b bytes per element, {@code bytesPerToken = 2·L·H_kv·d·b} (Llama 3.1
   * 8B with a 16-bit cache: 2·32·8·128·2 = 131,072 bytes).
   */
  record Bandwidth(double bytesPerToken, double bytesPerSecond) implements KvTransfer {
    public Bandwidth {
      if (!(bytesPerToken > 0) || !(bytesPerSecond > 0)) {
        throw new IllegalArgumentException(
            "bytes per token and per second must be > 0, got "
                + bytesPerToken
                + " and "
                + bytesPerSecond);
      }
    }

    @Override
    public long latencyMicros(int inputTokens) {
      return (long) Math.ceil(bytesPerToken * inputTokens / bytesPerSecond * 1e6);
    }
  }
}

package dev.tandem.profiles.capacity;

/** Which limit set the largest concurrency of a decode engine. */
public enum DecodeBound {
  /** One more sequence would push the ITL above the target. */
  ITL_TARGET,
  /** The KV cache holds no more sequences of this context: {@code floor(kvCapacity / context)}. */
  KV_CAPACITY,
  /** The engine's {@code maxSequences} limit. */
  MAX_SEQUENCES
}

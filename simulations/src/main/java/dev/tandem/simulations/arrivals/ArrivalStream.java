package dev.tandem.simulations.arrivals;

/**
 * A reproducible source of arrivals: each {@link #open} starts a fresh cursor, and the same seed
 * gives the same requests. Sources read from a file ignore the seed; generated ones draw every
 * random number from a {@code SplittableRandom(seed)}.
 */
@FunctionalInterface
public interface ArrivalStream {

  /** A new cursor at the first request. */
  ArrivalSource open(long seed);
}

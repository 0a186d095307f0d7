package dev.tandem.simulations.arrivals;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Two request streams interleaved with a weight that moves over time: a request of {@code first}
 * arriving at t is kept with probability w(t), a request of {@code second} with probability 1 −
 * w(t) (independent thinning, every draw from {@code SplittableRandom(seed)}), and the kept ones
 * are merged in arrival order (ties: {@code first} before {@code second}). With w moving from 0.1
 * to 0.9 and back, the mix — and so the prefill/decode token ratio — shifts over the trace.
 *
 * @param first e.g. the Azure code trace (long prompts, short outputs)
 * @param second e.g. the Azure conversation trace
 * @param weightOfFirst w(t) in [0, 1], t in seconds since the start
 */
public record WeightedMix(
    ArrayArrivals first, ArrayArrivals second, DoubleUnaryOperator weightOfFirst)
    implements ArrivalStream {

  @Override
  public ArrivalSource open(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    ArrivalSource a = first.open(seed);
    ArrivalSource b = second.open(seed);
    return new ArrivalSource() {
      private boolean hasA = a.advance();
      private boolean hasB = b.advance();
      private long t;
      private int in;
      private int out;

      @Override
      public boolean advance() {
        while (hasA || hasB) {
          boolean takeA = hasA && (!hasB || a.arrivalMicros() <= b.arrivalMicros());
          ArrivalSource s = takeA ? a : b;
          long at = s.arrivalMicros();
          double w = weightOfFirst.applyAsDouble(at / 1e6);
          boolean keep = rng.nextDouble() < (takeA ? w : 1 - w);
          if (keep) {
            t = at;
            in = s.inputTokens();
            out = s.outputTokens();
          }
          if (takeA) {
            hasA = a.advance();
          } else {
            hasB = b.advance();
          }
          if (keep) {
            return true;
          }
        }
        return false;
      }

      @Override
      public long arrivalMicros() {
        return t;
      }

      @Override
      public int inputTokens() {
        return in;
      }

      @Override
      public int outputTokens() {
        return out;
      }
    };
  }
}

package dev.tandem.traces;

import java.util.List;
import java.util.SplittableRandom;

/** Draws the input/output lengths of one request from a seeded random source. */
@FunctionalInterface
public interface LengthSampler {

  Lengths next(SplittableRandom rng);

  /** Every request has the same lengths (the reference benchmark: ISL 3000 / OSL 300). */
  static LengthSampler fixed(int inputTokens, int outputTokens) {
    Lengths lengths = new Lengths(inputTokens, outputTokens);
    return rng -> lengths;
  }

  /** Uniformly one of the given pairs (keeps ISL/OSL correlation, e.g. ShareGPT). */
  static LengthSampler pairs(List<Lengths> pairs) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("pairs must not be empty");
    }
    List<Lengths> copy = List.copyOf(pairs);
    return rng -> copy.get(rng.nextInt(copy.size()));
  }

  /** Independent draws from two quantile-described distributions. */
  static LengthSampler independent(LengthQuantiles input, LengthQuantiles output) {
    return rng -> new Lengths(input.quantile(rng.nextDouble()), output.quantile(rng.nextDouble()));
  }
}

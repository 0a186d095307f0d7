package dev.tandem.simulations.arrivals;

import dev.tandem.traces.LengthSampler;
import dev.tandem.traces.Lengths;
import java.util.SplittableRandom;

/**
 * An arrival process with its lengths drawn from a {@link LengthSampler}: the times of {@code
 * timing}, the ISL/OSL of {@code lengths} (for example ShareGPT's pairs), so any rate shape can
 * carry a real length mix. The lengths have a random source of their own, {@code
 * SplittableRandom(seed ^ SALT)}: the same seed gives the same times as {@code timing} alone and
 * the same lengths on every run.
 *
 * @param timing the arrival times (its lengths are ignored)
 * @param lengths the length mix
 */
public record SampledLengths(ArrivalStream timing, LengthSampler lengths) implements ArrivalStream {

  /** Keeps the length draws apart from the timing's draws of the same seed. */
  static final long SALT = 0x5DEECE66DL;

  @Override
  public ArrivalSource open(long seed) {
    ArrivalSource times = timing.open(seed);
    SplittableRandom rng = new SplittableRandom(seed ^ SALT);
    return new ArrivalSource() {
      private Lengths current;

      @Override
      public boolean advance() {
        if (!times.advance()) {
          return false;
        }
        current = lengths.next(rng);
        return true;
      }

      @Override
      public long arrivalMicros() {
        return times.arrivalMicros();
      }

      @Override
      public int inputTokens() {
        return current.inputTokens();
      }

      @Override
      public int outputTokens() {
        return current.outputTokens();
      }
    };
  }
}

package dev.tandem.simulations.arrivals;

/**
 * A load preceded by a warm-up of the same process: the arrivals of {@code load} opened with
 * another seed ({@code seed ^ SALT}) over [0, warm-up), then {@code load}'s own arrivals, shifted
 * by the warm-up. For a generated load (a sinusoid's Poisson arrivals) that is the same rate shape
 * with independent draws: the hour before the measured one, as a service that has been running sees
 * it. A trace replayed from a file would repeat itself exactly, which would show every policy the
 * future: the catalogue offers the warm-up only for generated loads.
 *
 * @param load the measured load, from t = 0
 * @param warmUpMicros the warm-up's length, µs (&gt; 0)
 */
public record WarmUpArrivals(ArrivalStream load, long warmUpMicros) implements ArrivalStream {

  /** Keeps the warm-up's draws apart from the measured load's of the same seed. */
  static final long SALT = 0x3C6EF372FE94F82BL;

  public WarmUpArrivals {
    if (warmUpMicros <= 0) {
      throw new IllegalArgumentException("warm-up must be > 0 µs, got " + warmUpMicros);
    }
  }

  @Override
  public ArrivalSource open(long seed) {
    ArrivalSource before = load.open(seed ^ SALT);
    ArrivalSource measured = load.open(seed);
    return new ArrivalSource() {
      private boolean warming = true;
      private ArrivalSource current = before;
      private long shift;

      @Override
      public boolean advance() {
        if (warming) {
          if (before.advance() && before.arrivalMicros() < warmUpMicros) {
            return true;
          }
          warming = false;
          current = measured;
          shift = warmUpMicros;
        }
        return measured.advance();
      }

      @Override
      public long arrivalMicros() {
        return current.arrivalMicros() + shift;
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

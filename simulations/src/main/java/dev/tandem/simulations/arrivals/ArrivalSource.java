package dev.tandem.simulations.arrivals;

/**
 * A cursor over requests in arrival order: {@code while (s.advance()) use(s.arrivalMicros(),
 * s.inputTokens(), s.outputTokens())}. A cursor rather than an {@code Iterator<Request>} so that
 * replaying millions of requests allocates nothing; an adapter over the {@code traces} readers'
 * iterators implements it in a few lines ({@link #fromIterator}).
 *
 * <p>Contract: arrival times are integer µs from the start of the trace, non-negative and
 * non-decreasing; token counts are non-negative. The simulator checks the order and fails fast.
 */
public interface ArrivalSource {

  /** Moves to the next request; false when there is none. */
  boolean advance();

  /** Arrival time of the current request, µs since the start of the trace. */
  long arrivalMicros();

  /** Input length (ISL) of the current request, tokens. */
  int inputTokens();

  /** Output length (OSL) of the current request, tokens. */
  int outputTokens();

  /**
   * Adapts an iterator of any request type through three accessors, e.g. {@code
   * fromIterator(reader, Request::arrivalMicros, Request::inputTokens, Request::outputTokens)}.
   */
  static <T> ArrivalSource fromIterator(
      java.util.Iterator<T> it,
      java.util.function.ToLongFunction<T> arrival,
      java.util.function.ToIntFunction<T> input,
      java.util.function.ToIntFunction<T> output) {
    return new ArrivalSource() {
      private T current;

      @Override
      public boolean advance() {
        if (!it.hasNext()) {
          current = null;
          return false;
        }
        current = it.next();
        return true;
      }

      @Override
      public long arrivalMicros() {
        return arrival.applyAsLong(current);
      }

      @Override
      public int inputTokens() {
        return input.applyAsInt(current);
      }

      @Override
      public int outputTokens() {
        return output.applyAsInt(current);
      }
    };
  }
}

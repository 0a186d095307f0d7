package dev.tandem.traces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The two ways of making a trace heavier or lighter. Neither changes the length mix.
 *
 * <ul>
 *   <li><b>Time compression</b> by factor f: every arrival at t moves to ⌊t/f⌋. The rate is
 *       multiplied by f, the trace gets f times shorter, bursts get f times sharper (the
 *       inter-arrival CV is unchanged).
 *   <li><b>Superposition</b> of c copies shifted by k·Δ (k = 0 … c−1), wrapped around the span S:
 *       arrival t of copy k moves to (t + k·Δ) mod S. The rate is multiplied by c over the same
 *       span, burstiness per copy is kept and copies overlap independently where Δ is large against
 *       the bursts.
 * </ul>
 */
public final class RateScaling {

  private RateScaling() {}

  /** Time compression by {@code factor} (&gt; 0; 2 doubles the rate). */
  public static List<Request> compress(List<Request> requests, double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("factor must be > 0, got " + factor);
    }
    List<Request> out = new ArrayList<>(requests.size());
    for (Request r : requests) {
      out.add(
          new Request(
              (long) Math.floor(r.arrivalMicros() / factor), r.inputTokens(), r.outputTokens()));
    }
    return out;
  }

  /**
   * {@code copies} copies shifted by multiples of {@code shiftMicros} and wrapped into [0, {@code
   * spanMicros}), merged in arrival order (ties by copy index, then original order).
   */
  public static List<Request> superpose(
      List<Request> requests, int copies, long shiftMicros, long spanMicros) {
    if (copies < 1 || shiftMicros < 0 || spanMicros <= 0) {
      throw new IllegalArgumentException(
          "need copies >= 1, shiftMicros >= 0, spanMicros > 0, got "
              + copies
              + ", "
              + shiftMicros
              + ", "
              + spanMicros);
    }
    List<Request> out = new ArrayList<>(requests.size() * copies);
    for (int k = 0; k < copies; k++) {
      long shift = Math.floorMod(k * shiftMicros, spanMicros);
      for (Request r : requests) {
        long t = Math.floorMod(r.arrivalMicros() + shift, spanMicros);
        out.add(new Request(t, r.inputTokens(), r.outputTokens()));
      }
    }
    out.sort(Comparator.comparingLong(Request::arrivalMicros));
    return out;
  }

  /** The span to wrap a trace into: last arrival + 1 µs (0 for an empty trace is not allowed). */
  public static long spanOf(List<Request> requests) {
    long last = 0;
    for (Request r : requests) {
      last = Math.max(last, r.arrivalMicros());
    }
    return last + 1;
  }
}

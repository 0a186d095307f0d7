package dev.tandem.cli;

import dev.tandem.traces.RateScaling;
import dev.tandem.traces.Request;
import java.util.List;
import java.util.Locale;

/**
 * {@code simulate --trace FILE --scale N}: a user's trace made N times heavier, by one of the two
 * methods of {@link RateScaling}, with a sentence for the report saying which.
 *
 * <ul>
 *   <li>{@code superpose} (default): N whole copies shifted by span/N and wrapped into the span, so
 *       the trace keeps its length, its daily shape and the shape of each burst (independent copies
 *       overlap where the shift is long against the bursts);
 *   <li>{@code compress}: time divided by N, so the trace gets N times shorter and every burst N
 *       times sharper; any N &gt; 0 (below 1 it slows the trace down).
 * </ul>
 */
final class TraceScaling {

  private TraceScaling() {}

  /** The scaled requests and how they were made. */
  record Scaled(List<Request> requests, String description) {}

  /**
   * The trace made {@code factor} times heavier by {@code method}.
   *
   * @throws IllegalArgumentException with the message for a usage error
   */
  static Scaled apply(List<Request> requests, double factor, String method) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("--scale must be a number > 0, got " + factor);
    }
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("the trace has no requests");
    }
    if (factor == 1) {
      return (new Scaled(requests, "as recorded: no rate scaling"));
    }
    long span = RateScaling.spanOf(requests);
    return switch (method) {
      case "superpose" -> {
        if (factor != Math.rint(factor) || factor > 10_000) {
          throw new IllegalArgumentException(
              "--scale "
                  + factor
                  + " with --scale-method superpose needs a whole number of copies (up to"
                  + " 10000); use --scale-method compress for fractional factors");
        }
        int copies = (int) factor;
        List<Request> out = RateScaling.superpose(requests, copies, span / copies, span);
        yield (new Scaled(
            out,
            String.format(
                Locale.ROOT,
                "rate ×%d by superposing %d copies shifted by span/%d, wrapped into the %.0f s"
                    + " span: %d requests",
                copies,
                copies,
                copies,
                span / 1e6,
                out.size())));
      }
      case "compress" -> {
        List<Request> out = RateScaling.compress(requests, factor);
        yield (new Scaled(
            out,
            String.format(
                Locale.ROOT,
                "rate ×%s by compressing time %s-fold: %.0f s of trace in %.0f s, bursts"
                    + " sharper by the same factor",
                trim(factor),
                trim(factor),
                span / 1e6,
                RateScaling.spanOf(out) / 1e6)));
      }
      default ->
          throw new IllegalArgumentException(
              "--scale-method must be superpose or compress, got '" + method + "'");
    };
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}

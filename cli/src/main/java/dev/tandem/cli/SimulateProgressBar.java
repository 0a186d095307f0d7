package dev.tandem.cli;

import dev.tandem.simulations.engine.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for a simulation run, redrawn in place with {@code \r}: the
 * policy, a bar over simulated time / the scenario's horizon, and requests done. Silent for the
 * first {@link #QUIET_NANOS} of wall time (short runs print nothing) and redrawn at most every
 * {@link #REDRAW_NANOS}. The clock is passed in, so tests step it.
 */
final class SimulateProgressBar implements ProgressListener {

  static final int WIDTH = 30;
  static final long QUIET_NANOS = 2_000_000_000L;
  static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final String label;
  private final long horizonMicros;
  private final LongSupplier clock;
  private final long start;
  private long lastDraw = Long.MIN_VALUE;

  SimulateProgressBar(PrintWriter err, String label, long horizonMicros, LongSupplier nanoClock) {
    this.err = err;
    this.label = label;
    this.horizonMicros = horizonMicros;
    this.clock = nanoClock;
    this.start = nanoClock.getAsLong();
  }

  @Override
  public void progress(long simMicros, long arrived, long completed) {
    long now = clock.getAsLong();
    if (now - start < QUIET_NANOS
        || (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS)) {
      return;
    }
    lastDraw = now;
    err.print("\r" + line(simMicros, completed, now - start));
    err.flush();
  }

  /** The bar's text (no carriage return). */
  String line(long simMicros, long completed, long elapsedNanos) {
    double share = horizonMicros > 0 ? Math.min(1, simMicros / (double) horizonMicros) : 0;
    int filled = (int) Math.round(share * WIDTH);
    return String.format(
        Locale.ROOT,
        "%-22s [%s%s] %3.0f%%  %,d requests  %.0f s",
        label.length() > 22 ? label.substring(0, 22) : label,
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        share * 100,
        completed,
        elapsedNanos / 1e9);
  }
}

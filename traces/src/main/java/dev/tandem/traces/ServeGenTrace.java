package dev.tandem.traces;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Per-request arrivals sampled from ServeGen's per-client statistics (ServeGen publishes no
 * per-request trace). For every client and 10-minute window with rate λ and fitted family F(k):
 * gaps are {@code X/λ} with X ~ F(k) normalised to mean 1, the first arrival is at the equilibrium
 * offset U·(straddling gap) after the window start, and arrivals stop at the window end, so the
 * expected count is exactly λ·600. Lengths come from the client's 6-hour quantiles (mean, p50, p90,
 * p99; see {@link LengthQuantiles}), or, for clients without length data (ServeGen's largest
 * clients), from the traffic mix of that 6-hour window ({@code servegen_*_lengths_21600s.csv}).
 *
 * <p>Randomness is seeded per (seed, client, window), so any time range gives the same requests as
 * the same range cut out of a longer run. Memory: one window (all clients) at a time.
 */
public final class ServeGenTrace {

  /** Length-distribution window of ServeGen, in seconds (6 hours). */
  public static final long LENGTH_WINDOW_SECONDS = 21_600;

  private final TreeMap<Long, List<ServeGenClientWindow>> windows;
  private final Map<Long, LengthQuantiles[]> clientLengths;
  private final Map<Long, LengthQuantiles[]> mixLengths;

  private ServeGenTrace(
      TreeMap<Long, List<ServeGenClientWindow>> windows,
      Map<Long, LengthQuantiles[]> clientLengths,
      Map<Long, LengthQuantiles[]> mixLengths) {
    this.windows = windows;
    this.clientLengths = clientLengths;
    this.mixLengths = mixLengths;
  }

  /**
   * Loads {@code servegen_<model>_client_windows.csv}, {@code _client_lengths_21600s.csv} and
   * {@code _lengths_21600s.csv} from {@code directory}, each plain or gzipped ({@code .csv.gz});
   * {@code model} is e.g. {@code m-large}.
   */
  public static ServeGenTrace load(Path directory, String model) {
    String prefix = "servegen_" + model + "_";
    return load(
        TraceFiles.resolve(directory, prefix + "client_windows.csv"),
        TraceFiles.resolve(directory, prefix + "client_lengths_21600s.csv"),
        TraceFiles.resolve(directory, prefix + "lengths_21600s.csv"));
  }

  /**
   * Loads the three files by path; {@code mixLengths} may be null (then unknown lengths are 1/1).
   */
  public static ServeGenTrace load(Path clientWindows, Path clientLengths, Path mixLengths) {
    TreeMap<Long, List<ServeGenClientWindow>> windows = new TreeMap<>();
    for (ServeGenClientWindow w : ServeGenFiles.clientWindows(clientWindows)) {
      windows.computeIfAbsent(w.windowStartSeconds(), k -> new ArrayList<>()).add(w);
    }
    Map<Long, LengthQuantiles[]> perClient = ServeGenFiles.lengths(clientLengths, true);
    Map<Long, LengthQuantiles[]> mix =
        mixLengths != null && Files.exists(mixLengths)
            ? ServeGenFiles.lengths(mixLengths, false)
            : new HashMap<>();
    return new ServeGenTrace(windows, perClient, mix);
  }

  /** The client windows with at least one client, by start second (read-only view). */
  public Map<Long, List<ServeGenClientWindow>> windows() {
    return java.util.Collections.unmodifiableMap(windows);
  }

  /** Sum of the client rates in the window starting at {@code windowStartSeconds}, req/s. */
  public double windowRate(long windowStartSeconds) {
    return windows.getOrDefault(windowStartSeconds, List.of()).stream()
        .mapToDouble(ServeGenClientWindow::rateRps)
        .sum();
  }

  /** End of the last window, seconds since the trace start. */
  public long endSeconds() {
    return windows.isEmpty() ? 0 : windows.lastKey() + ServeGenClientWindow.WINDOW_SECONDS;
  }

  /**
   * The sampled requests with arrivals in [fromSeconds, toSeconds) of the trace, in arrival order,
   * with {@code arrivalMicros} counted from {@code fromSeconds}. Lazily produced window by window.
   */
  public Iterator<Request> requests(long fromSeconds, long toSeconds, long seed) {
    long firstWindow =
        Math.floorDiv(fromSeconds, ServeGenClientWindow.WINDOW_SECONDS)
            * ServeGenClientWindow.WINDOW_SECONDS;
    Iterator<Map.Entry<Long, List<ServeGenClientWindow>>> entries =
        windows.subMap(firstWindow, true, toSeconds, false).entrySet().iterator();
    long fromMicros = fromSeconds * 1_000_000L;
    long toMicros = toSeconds * 1_000_000L;
    return new Iterator<>() {
      private List<Request> batch = List.of();
      private int next;

      @Override
      public boolean hasNext() {
        while (next >= batch.size() && entries.hasNext()) {
          batch = sampleWindow(entries.next().getValue(), fromMicros, toMicros, seed);
          next = 0;
        }
        return next < batch.size();
      }

      @Override
      public Request next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return batch.get(next++);
      }
    };
  }

  /** {@link #requests} collected into a list (for ranges that fit in memory). */
  public List<Request> sample(long fromSeconds, long toSeconds, long seed) {
    List<Request> out = new ArrayList<>();
    requests(fromSeconds, toSeconds, seed).forEachRemaining(out::add);
    return out;
  }

  private List<Request> sampleWindow(
      List<ServeGenClientWindow> clients, long fromMicros, long toMicros, long seed) {
    List<long[]> arrivals = new ArrayList<>();
    for (ServeGenClientWindow w : clients) {
      if (!(w.rateRps() > 0)) {
        continue;
      }
      SplittableRandom rng =
          new SplittableRandom(Distributions.mix(seed, w.clientId(), w.windowStartSeconds()));
      LengthQuantiles[] lengths = lengthsOf(w);
      double meanGapMicros = 1e6 / w.rateRps();
      double start = w.windowStartSeconds() * 1e6;
      double end = start + ServeGenClientWindow.WINDOW_SECONDS * 1e6;
      double t =
          start
              + rng.nextDouble()
                  * w.distribution().sampleStraddling(rng, w.shape())
                  * meanGapMicros;
      while (t < end) {
        long micros = (long) t;
        int input = lengths == null ? 1 : Math.max(1, lengths[0].quantile(rng.nextDouble()));
        int output = lengths == null ? 1 : Math.max(1, lengths[1].quantile(rng.nextDouble()));
        if (micros >= fromMicros && micros < toMicros) {
          arrivals.add(new long[] {micros - fromMicros, w.clientId(), input, output});
        }
        t += w.distribution().sample(rng, w.shape()) * meanGapMicros;
      }
    }
    arrivals.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    List<Request> out = new ArrayList<>(arrivals.size());
    for (long[] a : arrivals) {
      out.add(new Request(a[0], (int) a[2], (int) a[3]));
    }
    return out;
  }

  private LengthQuantiles[] lengthsOf(ServeGenClientWindow w) {
    long window =
        Math.floorDiv(w.windowStartSeconds(), LENGTH_WINDOW_SECONDS) * LENGTH_WINDOW_SECONDS;
    LengthQuantiles[] own = clientLengths.get(ServeGenFiles.key(w.clientId(), window));
    return own != null ? own : mixLengths.get(ServeGenFiles.key(-1, window));
  }
}

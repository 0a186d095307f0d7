package dev.tandem.simulations.compare;

import dev.tandem.simulations.arrivals.ArrivalSource;
import dev.tandem.simulations.arrivals.ArrivalStream;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.policy.oracle.SchedulePolicy;
import dev.tandem.simulations.report.IntervalRow;
import dev.tandem.simulations.scenario.ScenarioRunner;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A scenario's load held once in arrays so that a schedule can be simulated over any stretch of
 * one-minute windows {@code [start, end)} alone: the arrivals of the stretch, shifted to begin at
 * 0, on a cluster that starts warm with the schedule's count for the stretch's first interval and
 * empty queues. With {@code start = 0} such a run is exactly the full run with the load cut at
 * {@code end} (same arrivals, same schedule, same events); with {@code start > 0} it forgets what
 * was in flight at the start, which is why callers begin a few windows before the first window they
 * judge (the warm-up) and throw those windows away.
 *
 * <p>The stretch sees the schedule from {@code start} to the end of the scenario, so a decision
 * near {@code end} that looks one start-up ahead sees the same counts as in the full run.
 * Deterministic: no randomness beyond the arrivals drawn once from the scenario's seed.
 */
final class LocalRuns {

  private final long intervalMicros;
  private final long[] times;
  private final int[] input;
  private final int[] output;
  private final long seed;
  private long simulations;
  private long simulatedWindows;

  private LocalRuns(long intervalMicros, long[] times, int[] input, int[] output, long seed) {
    this.intervalMicros = intervalMicros;
    this.times = times;
    this.input = input;
    this.output = output;
    this.seed = seed;
  }

  /** Draws the stream once (the scenario's seed) and keeps it. */
  static LocalRuns of(ArrivalStream stream, long seed, long intervalMicros) {
    ArrivalSource s = stream.open(seed);
    long[] t = new long[1 << 16];
    int[] in = new int[t.length];
    int[] out = new int[t.length];
    int n = 0;
    while (s.advance()) {
      if (n == t.length) {
        t = Arrays.copyOf(t, n * 2);
        in = Arrays.copyOf(in, n * 2);
        out = Arrays.copyOf(out, n * 2);
      }
      t[n] = s.arrivalMicros();
      in[n] = s.inputTokens();
      out[n] = s.outputTokens();
      n++;
    }
    return new LocalRuns(
        intervalMicros, Arrays.copyOf(t, n), Arrays.copyOf(in, n), Arrays.copyOf(out, n), seed);
  }

  /** Requests held. */
  int requests() {
    return times.length;
  }

  /** When the last request arrives, µs (0 without requests): no run of this load ends earlier. */
  long lastArrivalMicros() {
    return times.length == 0 ? 0 : times[times.length - 1];
  }

  /** Runs made so far. */
  long simulations() {
    return simulations;
  }

  /** Windows simulated so far, summed over runs (the search's cost in simulated minutes). */
  long simulatedWindows() {
    return simulatedWindows;
  }

  /**
   * Simulates {@code prefill}/{@code decode} (one count per interval of the whole scenario) over
   * the windows {@code [start, end)} and returns their rows, row {@code i} being window {@code
   * start + i}.
   */
  List<IntervalRow> run(int start, int end, int[] prefill, int[] decode, SimulationConfig config) {
    simulations++;
    simulatedWindows += end - start;
    long from = start * intervalMicros;
    long to = end * intervalMicros;
    int a = firstAtOrAfter(from);
    int b = firstAtOrAfter(to);
    ArrivalStream slice =
        ignored ->
            new ArrivalSource() {
              private int i = a - 1;

              @Override
              public boolean advance() {
                return ++i < b;
              }

              @Override
              public long arrivalMicros() {
                return times[i] - from;
              }

              @Override
              public int inputTokens() {
                return input[i];
              }

              @Override
              public int outputTokens() {
                return output[i];
              }
            };
    SchedulePolicy p =
        new SchedulePolicy(
            "oracle",
            Arrays.copyOfRange(prefill, start, prefill.length),
            Arrays.copyOfRange(decode, start, decode.length),
            intervalMicros,
            config.startupMicros());
    // the slice's own windows are judged: a warm-up before the scenario's judged part lies in
    // windows the slice does not start at
    SimulationConfig c = config.withHorizon(Duration.ofNanos((to - from) * 1000)).judgedFromStart();
    return ScenarioRunner.run(slice, p, c, seed).series();
  }

  private int firstAtOrAfter(long t) {
    int lo = 0;
    int hi = times.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

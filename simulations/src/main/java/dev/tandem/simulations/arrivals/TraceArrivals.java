package dev.tandem.simulations.arrivals;

import dev.tandem.traces.AzureTraceReader;
import dev.tandem.traces.Request;
import dev.tandem.traces.ServeGenTrace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Adapters from the {@code traces} module to {@link ArrivalStream}s, and the Azure 2023 traces
 * shipped with the simulator (gzip, CC-BY 4.0, Splitwise ISCA 2024: see {@code
 * dev/tandem/simulations/traces/SOURCE.md}).
 */
public final class TraceArrivals {

  /** Classpath folder of the shipped traces. */
  static final String RESOURCES = "/dev/tandem/simulations/traces/";

  private TraceArrivals() {}

  /** A fixed list of requests (sorted by arrival), held as arrays; the seed is ignored. */
  public static ArrayArrivals of(List<Request> requests) {
    int n = requests.size();
    long[] t = new long[n];
    int[] in = new int[n];
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      Request r = requests.get(i);
      t[i] = r.arrivalMicros();
      in[i] = r.inputTokens();
      out[i] = r.outputTokens();
    }
    return new ArrayArrivals(t, in, out);
  }

  /**
   * ServeGen per-client sampling over {@code [fromSeconds, toSeconds)} of the trace, arrivals
   * counted from {@code fromSeconds}; the seed picks the sample. Streams one 10-minute window at a
   * time, so a 14-day run holds only the current window in memory.
   */
  public static ArrivalStream serveGen(ServeGenTrace trace, long fromSeconds, long toSeconds) {
    return seed ->
        ArrivalSource.fromIterator(
            trace.requests(fromSeconds, toSeconds, seed),
            Request::arrivalMicros,
            Request::inputTokens,
            Request::outputTokens);
  }

  /**
   * One of the shipped Azure LLM 2023 traces: {@code "code"} or {@code "conv"}, µs from its first
   * request.
   */
  public static List<Request> azure(String service) {
    if (!service.equals("code") && !service.equals("conv")) {
      throw new IllegalArgumentException("Azure service must be code or conv, got " + service);
    }
    String name = "AzureLLMInferenceTrace_" + service + ".csv";
    try (InputStream raw = TraceArrivals.class.getResourceAsStream(RESOURCES + name + ".gz")) {
      if (raw == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCES + name + ".gz");
      }
      return AzureTraceReader.read(new GZIPInputStream(raw), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped trace " + name, e);
    }
  }

  /** {@code stream} cut at {@code endMicros}: arrivals at or after it are dropped. */
  public static ArrivalStream truncated(ArrivalStream stream, long endMicros) {
    return seed -> {
      ArrivalSource s = stream.open(seed);
      return new ArrivalSource() {
        @Override
        public boolean advance() {
          return s.advance() && s.arrivalMicros() < endMicros;
        }

        @Override
        public long arrivalMicros() {
          return s.arrivalMicros();
        }

        @Override
        public int inputTokens() {
          return s.inputTokens();
        }

        @Override
        public int outputTokens() {
          return s.outputTokens();
        }
      };
    };
  }
}

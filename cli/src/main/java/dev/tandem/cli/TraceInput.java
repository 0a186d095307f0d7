package dev.tandem.cli;

import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.traces.JsonlTraceReader;
import dev.tandem.traces.Request;
import dev.tandem.traces.TraceFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A user's trace file as the commands read it: the format from the content ({@link TraceFormat}),
 * said on stderr when the name does not say it, and the checks that keep a replay meaningful: the
 * requests must spread over some time (rates over a span of 0 s are not numbers anyone can use),
 * and each must fit the KV cache of one decode engine (no number of engines serves one that does
 * not). Refusals are {@link IllegalArgumentException}s, exit 1, naming the file and the field.
 */
final class TraceInput {

  private TraceInput() {}

  /** The requests of {@code file}, read by the reader its content needs. */
  static List<Request> read(Path file, JsonlTraceReader.Unit unit, PrintWriter notes) {
    TraceFormat.Detected detected = TraceFormat.detect(file);
    if (detected.empty()) {
      throw new IllegalArgumentException(
          file.getFileName() + ": the file is empty: no CSV header and no JSON lines, no requests");
    }
    if (!detected.nameAgrees()) {
      notes.println(
          "note    "
              + file.getFileName()
              + ": read as "
              + detected.format().label()
              + " because "
              + detected.why()
              + " (the format is taken from the content, not the name)");
      notes.flush();
    }
    return TraceFormat.read(file, detected, unit);
  }

  /** Refuses a trace whose requests all arrive at one instant. */
  static void requireSpan(List<Request> requests, Path file) {
    // arrivals are counted from the first, so a span of 0 is every arrival at 0
    if (requests.isEmpty() || requests.stream().anyMatch(r -> r.arrivalMicros() > 0)) {
      return;
    }
    throw new IllegalArgumentException(
        file.getFileName()
            + ": "
            + (TraceFormat.detect(file).format() == TraceFormat.AZURE_CSV
                ? "TIMESTAMP"
                : "timestamp")
            + ": all "
            + requests.size()
            + (requests.size() == 1 ? " request arrives" : " requests arrive")
            + " at one instant (a span of 0 s): rates, goodput and SLA windows are measured over"
            + " the trace's time and there is none; give the requests their own arrival times");
  }

  /** Refuses requests that need more KV cache than one decode engine of {@code profile} holds. */
  static void requireFit(List<Request> requests, PerformanceProfile profile, Path file) {
    long capacity = profile.engine().kvCapacityTokens();
    long over = 0;
    long largest = 0;
    for (Request r : requests) {
      long tokens = (long) r.inputTokens() + r.outputTokens();
      if (tokens > capacity) {
        over++;
        largest = Math.max(largest, tokens);
      }
    }
    if (over == 0) {
      return;
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "%s: %,d of %,d requests need more KV cache than one decode engine holds: up to %,d"
                + " tokens (ISL + OSL) against kvCapacityTokens %,d of profile %s; no number of"
                + " engines serves such a request. Remove them, or use a profile with more KV"
                + " capacity per engine (--profile)",
            file.getFileName(),
            over,
            requests.size(),
            largest,
            capacity,
            profile.metadata().name()));
  }
}

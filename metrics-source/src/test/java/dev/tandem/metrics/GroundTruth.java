package dev.tandem.metrics;

import dev.tandem.simulations.cluster.Cluster;
import dev.tandem.simulations.cluster.SimRequest;
import dev.tandem.simulations.engine.SimulationObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * What really happened in the simulation, recorded request by request, for comparison with what
 * Prometheus reads back. Also stops the run when asked (the run has no other way to end early).
 */
final class GroundTruth implements SimulationObserver {

  /** A finished request, times in µs of simulated time. */
  record Done(long arrival, long firstToken, long completion, int isl, int osl, int gaps) {
    double ttftSeconds() {
      return (firstToken - arrival) / 1e6;
    }

    double itlSeconds() {
      return gaps > 0 ? (completion - firstToken) / 1e6 / gaps : Double.NaN;
    }
  }

  private final List<Long> arrivals = new ArrayList<>();
  private final List<SimRequest> started = new ArrayList<>();
  private final List<Done> done = new ArrayList<>();
  private volatile boolean stop;

  void stop() {
    stop = true;
  }

  @Override
  public synchronized void arrived(SimRequest r) {
    arrivals.add(r.arrivalMicros);
  }

  @Override
  public synchronized void firstToken(SimRequest r) {
    started.add(r);
  }

  @Override
  public synchronized void completed(SimRequest r) {
    done.add(
        new Done(
            r.arrivalMicros,
            r.firstTokenMicros,
            r.completionMicros,
            r.inputTokens,
            r.outputTokens,
            r.decodeTokens()));
  }

  @Override
  public void advancing(long simMicros, Cluster cluster) {
    if (stop) {
      throw new Stopped();
    }
  }

  /** Thrown into the simulation to end it. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped by the test", null, false, false);
    }
  }

  synchronized double arrivalRate(long from, long to) {
    return arrivals.stream().filter(t -> t > from && t <= to).count() / ((to - from) / 1e6);
  }

  synchronized double completionRate(long from, long to) {
    return completedIn(from, to, Done::completion).size() / ((to - from) / 1e6);
  }

  synchronized List<Done> completedIn(long from, long to, ToLongFunction<Done> when) {
    return done.stream()
        .filter(d -> when.applyAsLong(d) > from && when.applyAsLong(d) <= to)
        .toList();
  }

  static double mean(List<Done> ds, ToDoubleFunction<Done> f) {
    return ds.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  /** Nearest-rank quantile of {@code f}, each request weighted by {@code weight}. */
  static double quantile(
      List<Done> ds, double q, ToDoubleFunction<Done> f, ToDoubleFunction<Done> weight) {
    List<Done> sorted =
        ds.stream()
            .filter(d -> !Double.isNaN(f.applyAsDouble(d)))
            .sorted(Comparator.comparingDouble(f))
            .toList();
    double total = sorted.stream().mapToDouble(weight).sum();
    double seen = 0;
    for (Done d : sorted) {
      seen += weight.applyAsDouble(d);
      if (seen >= q * total) {
        return f.applyAsDouble(d);
      }
    }
    return Double.NaN;
  }
}

package dev.tandem.simulations.engine;

import dev.tandem.simulations.cluster.Cluster;
import dev.tandem.simulations.cluster.SimRequest;
import java.util.List;

/**
 * Told about each request as it arrives, gets its first token and completes, and about the passing
 * of simulated time: the seam for exporters of engine metrics and for pacing a run to the wall
 * clock. Called on the simulation's thread, in event order; must not modify the request or the
 * cluster. {@link #advancing} may block (that is how a run is paced).
 */
public interface SimulationObserver extends RequestObserver {

  SimulationObserver NONE = r -> {};

  /** A request arrived (before it is routed). */
  default void arrived(SimRequest request) {}

  /** A request's first token reached the client ({@code firstTokenMicros} is set). */
  default void firstToken(SimRequest request) {}

  /** Simulated time is about to reach {@code simMicros}; the cluster is as of just before. */
  default void advancing(long simMicros, Cluster cluster) {}

  /** A request observer seen as a simulation observer (completions only). */
  static SimulationObserver of(RequestObserver completions) {
    return completions instanceof SimulationObserver s ? s : completions::completed;
  }

  /** Tells each observer in turn. */
  static SimulationObserver all(List<? extends SimulationObserver> observers) {
    List<SimulationObserver> copy = List.copyOf(observers);
    return new SimulationObserver() {
      @Override
      public void completed(SimRequest r) {
        copy.forEach(o -> o.completed(r));
      }

      @Override
      public void arrived(SimRequest r) {
        copy.forEach(o -> o.arrived(r));
      }

      @Override
      public void firstToken(SimRequest r) {
        copy.forEach(o -> o.firstToken(r));
      }

      @Override
      public void advancing(long simMicros, Cluster cluster) {
        copy.forEach(o -> o.advancing(simMicros, cluster));
      }
    };
  }
}

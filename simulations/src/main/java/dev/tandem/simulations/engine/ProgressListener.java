package dev.tandem.simulations.engine;

/**
 * Told how a run is going every {@value Simulation#PROGRESS_EVERY} events (a progress bar's seam).
 * Must not touch the simulation.
 */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (simMicros, arrived, completed) -> {};

  void progress(long simMicros, long arrived, long completed);
}

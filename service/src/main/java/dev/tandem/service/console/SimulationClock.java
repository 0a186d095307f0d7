package dev.tandem.service.console;

import java.time.Instant;
import java.util.Optional;

/**
 * The simulated clock of {@code tandem serve --simulate}, as the console reads and steers it. The
 * service never depends on the simulator: the CLI registers an implementation as a bean when it
 * wires the simulator in, and without one the console shows wall time and no speed control.
 */
public interface SimulationClock {

  /** Slowest speed accepted by {@link #speed(double)}: simulated seconds per wall second. */
  double MIN_SPEED = 1;

  /** Fastest speed accepted by {@link #speed(double)}. */
  double MAX_SPEED = 600;

  /** The scenario being replayed, e.g. {@code azure-mix}. */
  String scenario();

  /** The simulated instant now (the service's clock). */
  Instant now();

  /** Simulated seconds per wall second. */
  double speed();

  /**
   * Changes the speed from now on; simulated time stays continuous (it does not jump).
   *
   * @throws IllegalArgumentException outside [{@link #MIN_SPEED}, {@link #MAX_SPEED}]
   */
  void speed(double simulatedSecondsPerSecond);

  /**
   * Empty while the scenario is replayed; once its trace has ended, a sentence saying so (the
   * service keeps running on the last observation, so the console must not show flat lines as live
   * load).
   */
  Optional<String> finished();
}

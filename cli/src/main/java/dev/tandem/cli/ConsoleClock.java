package dev.tandem.cli;

import dev.tandem.service.console.SimulationClock;
import java.time.Instant;
import java.util.Optional;

/**
 * The service console's view of {@code serve --simulate}'s {@link AcceleratedClock}: it reads the
 * simulated time and changes the speed within the console's bounds. Lives here so that the service
 * knows only the {@link SimulationClock} interface, never the simulator.
 */
final class ConsoleClock implements SimulationClock {

  private final AcceleratedClock clock;
  private final String scenario;
  private volatile String finished;

  ConsoleClock(AcceleratedClock clock, String scenario) {
    this.clock = clock;
    this.scenario = scenario;
  }

  /** Called by the simulation thread when the scenario's trace has been replayed. */
  void finish(String summary) {
    finished = summary;
  }

  @Override
  public Optional<String> finished() {
    return Optional.ofNullable(finished);
  }

  @Override
  public String scenario() {
    return scenario;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public double speed() {
    return clock.speed();
  }

  @Override
  public void speed(double simulatedSecondsPerSecond) {
    if (!(simulatedSecondsPerSecond >= MIN_SPEED && simulatedSecondsPerSecond <= MAX_SPEED)) {
      throw new IllegalArgumentException(
          "speed must be in ["
              + MIN_SPEED
              + ", "
              + MAX_SPEED
              + "] simulated seconds per wall second, got "
              + simulatedSecondsPerSecond);
    }
    clock.speed(simulatedSecondsPerSecond);
  }
}

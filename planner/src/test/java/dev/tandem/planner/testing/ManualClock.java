package dev.tandem.planner.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told to: {@code clock.step(Duration.ofSeconds(30))}. */
public final class ManualClock extends Clock {

  private Instant now;

  public ManualClock(Instant start) {
    this.now = start;
  }

  /** Starts at 2025-01-01T00:00:00Z. */
  public static ManualClock atEpoch2025() {
    return new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
  }

  /** Moves the clock forward (or backward, for a negative step) and returns the new instant. */
  public Instant step(Duration step) {
    now = now.plus(step);
    return now;
  }

  public Instant now() {
    return now;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}

package dev.tandem.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time for {@code tandem serve --simulate}: {@code speed} simulated seconds per wall
 * second, counted from {@link Instant#EPOCH} (the simulator's time origin) once {@link #start()} is
 * called; before that the time stands at the epoch.
 */
final class AcceleratedClock extends Clock {

  private final double speed;
  private volatile long startNanos = -1;

  AcceleratedClock(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be > 0, got " + speed);
    }
    this.speed = speed;
  }

  void start() {
    startNanos = System.nanoTime();
  }

  double speed() {
    return speed;
  }

  @Override
  public Instant instant() {
    long start = startNanos;
    if (start < 0) {
      return Instant.EPOCH;
    }
    return Instant.EPOCH.plusNanos((long) ((System.nanoTime() - start) * speed));
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

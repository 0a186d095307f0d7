package dev.tandem.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time for {@code tandem serve --simulate}: {@code speed} simulated seconds per wall
 * second, counted from {@link Instant#EPOCH} (the simulator's time origin) once {@link #start()} is
 * called; before that the time stands at the epoch. The speed can change while it runs (the
 * console's speed control): time stays continuous, only its rate changes from that moment.
 */
final class AcceleratedClock extends Clock {

  /** Simulated {@code origin} at wall {@code originNanos}, advancing {@code speed}× from there. */
  private record Base(long originNanos, Instant origin, double speed) {}

  private volatile Base base;
  private volatile boolean started;

  AcceleratedClock(double speed) {
    check(speed);
    this.base = new Base(0, Instant.EPOCH, speed);
  }

  synchronized void start() {
    base = new Base(System.nanoTime(), Instant.EPOCH, base.speed());
    started = true;
  }

  double speed() {
    return base.speed();
  }

  /** From now on, {@code speed} simulated seconds per wall second. */
  synchronized void speed(double speed) {
    check(speed);
    if (!started) {
      base = new Base(0, Instant.EPOCH, speed);
      return;
    }
    long now = System.nanoTime();
    base = new Base(now, at(base, now), speed);
  }

  @Override
  public Instant instant() {
    if (!started) {
      return Instant.EPOCH;
    }
    return at(base, System.nanoTime());
  }

  private static Instant at(Base b, long nanos) {
    return b.origin().plusNanos((long) ((nanos - b.originNanos()) * b.speed()));
  }

  private static void check(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be > 0, got " + speed);
    }
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

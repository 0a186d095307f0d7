package dev.tandem.simulations.engine;

import dev.tandem.simulations.cluster.Cluster;
import java.util.concurrent.TimeUnit;

/**
 * Holds a run back so that simulated time passes at {@code speed} × the wall clock (1 = real time),
 * which lets a real Prometheus scrape simulated engines ({@code dev.tandem.simulations.export}).
 * The simulation stays deterministic: pacing changes when events are processed, not their order or
 * times. A run that falls behind (a slow machine) catches up without sleeping.
 */
public final class RealTimePacer implements SimulationObserver {

  private final double speed;
  private long startNanos = -1;

  public RealTimePacer(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number > 0, got " + speed);
    }
    this.speed = speed;
  }

  /** The wall-clock instant ({@link System#nanoTime()} scale) at which simulated time 0 began. */
  public long startNanos() {
    return startNanos;
  }

  @Override
  public void completed(dev.tandem.simulations.cluster.SimRequest request) {}

  @Override
  public void advancing(long simMicros, Cluster cluster) {
    long nowNanos = System.nanoTime();
    if (startNanos < 0) {
      startNanos = nowNanos;
    }
    long dueNanos = startNanos + (long) (simMicros * 1000 / speed);
    long aheadNanos = dueNanos - nowNanos;
    if (aheadNanos > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(aheadNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("paced simulation interrupted", e);
      }
    }
  }
}

package dev.tandem.service.loop;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.ports.MetricsSource;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The metrics source the loop's forecast backfill reads the past through, with a wall-time budget
 * per tick. A backfill asks for one snapshot per forecast tick of its span (120 for an hour of 30 s
 * ticks), each up to {@code tandem.prometheus.timeout}; against a Prometheus that answers slowly
 * that could hold the first tick for many minutes, during which no deployment is decided. Once the
 * tick has spent {@link #BUDGET} in past reads, the next one throws, which ends the backfill's
 * reads where they are (it reads newest first, so the forecaster keeps the part next to now) and is
 * reported as the tick's {@code backfill} failure; the tick then decides as usual.
 */
final class BudgetedHistory implements MetricsSource {

  /** Wall time the past reads of one tick may take. */
  static final Duration BUDGET = Duration.ofSeconds(30);

  private final MetricsSource source;
  private final Duration budget;
  private final LongSupplier nanos;
  private long spentNanos;

  BudgetedHistory(MetricsSource source) {
    this(source, BUDGET, System::nanoTime);
  }

  BudgetedHistory(MetricsSource source, Duration budget, LongSupplier nanos) {
    this.source = source;
    this.budget = budget;
    this.nanos = nanos;
  }

  /** A new tick: the budget is whole again. */
  void newTick() {
    spentNanos = 0;
  }

  @Override
  public Map<DeploymentKey, MetricsSnapshot> snapshot(
      Collection<DeploymentKey> deployments, java.time.Instant at) {
    if (spentNanos >= budget.toNanos()) {
      throw new IllegalStateException(
          "past reads stopped: this tick spent its budget of "
              + budget.toSeconds()
              + "s on them (Prometheus answers slowly); the forecast is warmed from what was read");
    }
    long t0 = nanos.getAsLong();
    try {
      return source.snapshot(deployments, at);
    } finally {
      spentNanos += nanos.getAsLong() - t0;
    }
  }
}

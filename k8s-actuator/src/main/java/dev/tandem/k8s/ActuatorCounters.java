package dev.tandem.k8s;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of what the actuator did, by outcome, since it started (the service exports them as
 * metrics). Thread-safe.
 */
public final class ActuatorCounters {

  private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);

  synchronized void add(Outcome outcome) {
    counts.merge(outcome, 1L, Long::sum);
  }

  public synchronized long count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0L);
  }

  public synchronized Map<Outcome, Long> snapshot() {
    return Map.copyOf(counts);
  }
}

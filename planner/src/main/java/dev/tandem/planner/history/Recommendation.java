package dev.tandem.planner.history;

import java.time.Instant;
import java.util.Objects;

/** A role's recommended count at one decision, kept for the scale-down stabilisation window. */
public record Recommendation(Instant at, int replicas) {

  public Recommendation {
    Objects.requireNonNull(at, "at");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0, got " + replicas);
    }
  }
}

package dev.tandem.planner.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one role remembers between decisions.
 *
 * @param lastDecision when the role was last decided (its interval counts from here)
 * @param recommendations recent recommendations, oldest first: those inside the stabilisation
 *     window plus the newest one before it (which shows the window has been observed in full)
 * @param correction the learned multiplier of the profile's latency, in [0.5, 2]; 1 = profile right
 * @param correctionSamples how many healthy observations shaped the correction
 */
public record RoleHistory(
    Optional<Instant> lastDecision,
    List<Recommendation> recommendations,
    double correction,
    long correctionSamples) {

  public RoleHistory {
    Objects.requireNonNull(lastDecision, "lastDecision");
    recommendations = List.copyOf(recommendations);
    if (!(correction > 0) || !Double.isFinite(correction)) {
      throw new IllegalArgumentException("correction must be finite and > 0, got " + correction);
    }
  }

  public static RoleHistory empty() {
    return new RoleHistory(Optional.empty(), List.of(), 1.0, 0);
  }

  /** True when {@code interval} has passed since the last decision (or there was none). */
  public boolean isDue(Instant now, Duration interval) {
    return lastDecision.map(last -> !now.isBefore(last.plus(interval))).orElse(true);
  }

  /**
   * This history after a decision at {@code now} recommending {@code replicas}: older entries are
   * dropped, except the newest one at or before the window's start.
   */
  public RoleHistory decided(Instant now, int replicas, Duration window) {
    Instant start = now.minus(window);
    List<Recommendation> kept = new ArrayList<>();
    Recommendation newestBefore = null;
    for (Recommendation r : recommendations) {
      if (r.at().isAfter(start)) {
        kept.add(r);
      } else {
        newestBefore = r;
      }
    }
    if (newestBefore != null) {
      kept.add(0, newestBefore);
    }
    kept.add(new Recommendation(now, replicas));
    return new RoleHistory(Optional.of(now), kept, correction, correctionSamples);
  }

  public RoleHistory withCorrection(double newCorrection, long samples) {
    return new RoleHistory(lastDecision, recommendations, newCorrection, samples);
  }
}

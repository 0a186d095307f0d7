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
 * @param correctionSpread the recent mean of (ln k* − ln k)², k* the correction that explained an
 *     observation and k the one held then: how much single windows disagree with the learned k
 *     (their load mix, bursts, sampling), which sizing covers as uncertainty; 0 before any sample
 * @param settledReady the ready engines of the role at its last visit; {@link #UNKNOWN_READY}
 *     before the first visit (a fresh or restored history without it)
 * @param settledSince the first visit from which the role has been seen settled (no engine starting
 *     or draining) with {@code settledReady} ready engines; empty while it is in transition or
 *     unknown. A latency window that starts before this instant mixes capacities and must not teach
 *     the correction.
 * @param scaleDowns when the role's scale-downs within the last hour began, oldest first (the bound
 *     on scale-downs per hour counts them): a run of decreases with no increase between them is one
 *     scale-down, entered at its first decrease
 * @param descending whether the role's last change of count was a decrease: the next decrease then
 *     continues the same scale-down
 */
public record RoleHistory(
    Optional<Instant> lastDecision,
    List<Recommendation> recommendations,
    double correction,
    long correctionSamples,
    double correctionSpread,
    int settledReady,
    Optional<Instant> settledSince,
    List<Instant> scaleDowns,
    boolean descending) {

  /** {@link #settledReady} of a history that has not seen the role yet. */
  public static final int UNKNOWN_READY = -1;

  public RoleHistory {
    Objects.requireNonNull(lastDecision, "lastDecision");
    Objects.requireNonNull(settledSince, "settledSince");
    recommendations = List.copyOf(recommendations);
    scaleDowns = List.copyOf(scaleDowns);
    if (!(correction > 0) || !Double.isFinite(correction)) {
      throw new IllegalArgumentException("correction must be finite and > 0, got " + correction);
    }
    if (!(correctionSpread >= 0) || !Double.isFinite(correctionSpread)) {
      throw new IllegalArgumentException(
          "correctionSpread must be finite and >= 0, got " + correctionSpread);
    }
    if (settledReady < UNKNOWN_READY) {
      throw new IllegalArgumentException("settledReady must be >= -1, got " + settledReady);
    }
  }

  /** How long decreases are remembered: the bound is per hour. */
  public static final Duration SCALE_DOWN_MEMORY = Duration.ofHours(1);

  /**
   * This history after the role's count was lowered at {@code now}: a new scale-down unless the
   * last change was a decrease too (a descent in steps is one scale-down); entries older than an
   * hour drop.
   */
  public RoleHistory scaledDown(Instant now) {
    List<Instant> kept = scaleDownsWithinHour(now);
    if (!descending) {
      kept.add(now);
    }
    return withScaleDowns(kept, true);
  }

  /** This history after the role's count was raised: the next decrease begins a scale-down. */
  public RoleHistory scaledUp() {
    return descending ? withScaleDowns(scaleDowns, false) : this;
  }

  private RoleHistory withScaleDowns(List<Instant> downs, boolean nowDescending) {
    return new RoleHistory(
        lastDecision,
        recommendations,
        correction,
        correctionSamples,
        correctionSpread,
        settledReady,
        settledSince,
        downs,
        nowDescending);
  }

  /** When the scale-downs within the hour before {@code now} began, oldest first. */
  public List<Instant> scaleDownsWithinHour(Instant now) {
    List<Instant> within = new ArrayList<>();
    for (Instant at : scaleDowns) {
      if (at.isAfter(now.minus(SCALE_DOWN_MEMORY))) {
        within.add(at);
      }
    }
    return within;
  }

  /**
   * A history that has not tracked the role's capacity yet, with no scatter seen and no decrease in
   * the last hour.
   */
  public RoleHistory(
      Optional<Instant> lastDecision,
      List<Recommendation> recommendations,
      double correction,
      long correctionSamples) {
    this(
        lastDecision,
        recommendations,
        correction,
        correctionSamples,
        0,
        UNKNOWN_READY,
        Optional.empty(),
        List.of(),
        false);
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
    return new RoleHistory(
        Optional.of(now),
        kept,
        correction,
        correctionSamples,
        correctionSpread,
        settledReady,
        settledSince,
        scaleDowns,
        descending);
  }

  public RoleHistory withCorrection(double newCorrection, long samples) {
    return withCorrection(newCorrection, samples, correctionSpread);
  }

  public RoleHistory withCorrection(double newCorrection, long samples, double spread) {
    return new RoleHistory(
        lastDecision,
        recommendations,
        newCorrection,
        samples,
        spread,
        settledReady,
        settledSince,
        scaleDowns,
        descending);
  }

  /**
   * This history after a visit at {@code now} that saw {@code ready} engines ready and the role in
   * transition (engines starting or draining) or not. A settled role keeps its {@link
   * #settledSince} while its ready count stays the same; the first settled visit after a transition
   * or a change of the ready count starts it anew. A history that has never seen the role takes the
   * first settled visit as settled for as long as the caller's window ({@code assumedSettledFor}):
   * nothing is known about the past, and a controller restarted on a steady deployment should not
   * wait to learn.
   */
  public RoleHistory visited(
      Instant now, int ready, boolean inTransition, Duration assumedSettledFor) {
    Optional<Instant> since;
    if (inTransition) {
      since = Optional.empty();
    } else if (settledReady == UNKNOWN_READY) {
      since = Optional.of(now.minus(assumedSettledFor));
    } else if (settledSince.isEmpty() || ready != settledReady) {
      since = Optional.of(now);
    } else {
      since = settledSince;
    }
    return new RoleHistory(
        lastDecision,
        recommendations,
        correction,
        correctionSamples,
        correctionSpread,
        ready,
        since,
        scaleDowns,
        descending);
  }

  /** True when the role has been seen settled, at its current ready count, since {@code start}. */
  public boolean settledThrough(Instant start) {
    return settledSince.map(s -> !s.isAfter(start)).orElse(false);
  }
}

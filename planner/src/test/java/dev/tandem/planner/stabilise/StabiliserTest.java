package dev.tandem.planner.stabilise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.RoleBehavior;
import dev.tandem.planner.Reason;
import dev.tandem.planner.history.Recommendation;
import dev.tandem.planner.history.RoleHistory;
import dev.tandem.planner.state.ReplicaState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Prefill defaults: interval 30s, scaleUpLimit 4, window 5m, tolerance 0.1. */
class StabiliserTest {

  private static final Instant NOW = Instant.parse("2025-01-01T01:00:00Z");
  private static final RoleBehavior PREFILL =
      new RoleBehavior(
          Duration.ofSeconds(30), 4, Duration.ofMinutes(5), 0.1, Duration.ofMinutes(2));

  /** Recommendations every 30 s over the last {@code minutes} minutes, all {@code replicas}. */
  private static RoleHistory steady(int replicas, int minutes) {
    List<Recommendation> recs =
        Stream.iterate(minutes * 60, s -> s > 0, s -> s - 30)
            .map(s -> new Recommendation(NOW.minusSeconds(s), replicas))
            .toList();
    return new RoleHistory(Optional.of(NOW.minusSeconds(30)), recs, 1, 0);
  }

  record Case(
      String name,
      int current,
      int target,
      boolean healthy,
      int pendingPastTimeout,
      RoleHistory history,
      int desired,
      Reason reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("scale up promptly", 2, 5, true, 0, steady(2, 6), 5, Reason.SCALE_UP),
        // 2 + scaleUpLimit 4 = 6
        new Case(
            "scale up bounded per step", 2, 9, true, 0, steady(2, 6), 6, Reason.SCALE_UP_LIMITED),
        new Case(
            "no scale up on stale metrics",
            2,
            5,
            false,
            0,
            steady(2, 6),
            2,
            Reason.METRICS_UNHEALTHY_NO_SCALE_UP),
        new Case(
            "unschedulable engines stop further scale-up",
            4,
            7,
            true,
            1,
            steady(4, 6),
            4,
            Reason.CAPACITY_UNAVAILABLE),
        // |11 − 10| = 1 ≤ 0.1 × 10
        new Case("within tolerance", 10, 11, true, 0, steady(10, 6), 10, Reason.WITHIN_TOLERANCE),
        // every recommendation of the last 5 min was 3 (and one before the window exists)
        new Case("scale down after the window", 6, 3, true, 0, steady(3, 6), 3, Reason.SCALE_DOWN),
        // the recommendations of the last 5 min include 6
        new Case(
            "scale down held by a recent higher recommendation",
            6,
            3,
            true,
            0,
            steady(6, 6),
            6,
            Reason.SCALE_DOWN_STABILIZED),
        // only 2 min of history: the window has not been observed in full (e.g. after a restart)
        new Case(
            "scale down held until the window was observed",
            6,
            3,
            true,
            0,
            steady(3, 2),
            6,
            Reason.SCALE_DOWN_STABILIZED),
        new Case(
            "never scale down on stale metrics",
            6,
            3,
            false,
            0,
            steady(3, 6),
            6,
            Reason.METRICS_STALE_NO_SCALE_DOWN),
        new Case("no change", 4, 4, true, 0, steady(4, 6), 4, Reason.NO_CHANGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case c) {
    ReplicaState state =
        new ReplicaState(
            c.current(),
            c.current() - c.pendingPastTimeout(),
            c.pendingPastTimeout(),
            0,
            c.pendingPastTimeout());

    Stabilised s = Stabiliser.decide(c.target(), state, PREFILL, c.history(), c.healthy(), NOW);

    assertThat(s.desired()).isEqualTo(c.desired());
    assertThat(s.why().reason()).isEqualTo(c.reason());
    assertThat(s.history().lastDecision()).contains(NOW);
    // unhealthy decisions record the current count, so they never count towards a scale-down
    int recorded = c.healthy() ? c.target() : c.current();
    assertThat(s.history().recommendations().get(s.history().recommendations().size() - 1))
        .isEqualTo(new Recommendation(NOW, recorded));
  }

  /** 4 for the first minutes, then 2 for the last {@code lastSeconds}: a swing past its crest. */
  private static RoleHistory fellTo2(int lastSeconds) {
    List<Recommendation> recs =
        Stream.iterate(6 * 60, t -> t > 0, t -> t - 30)
            .map(t -> new Recommendation(NOW.minusSeconds(t), t <= lastSeconds ? 2 : 4))
            .toList();
    return new RoleHistory(Optional.of(NOW.minusSeconds(30)), recs, 1, 0);
  }

  @Test
  void aConfidentForecastShortensTheWindowToOneInterval() {
    // interval 30 s; the last 3 min recommended 2, the minutes before 4
    ScaleDownWindow sure = ScaleDownWindow.of(PREFILL, 0.05, 1);
    ScaleDownWindow unsure = ScaleDownWindow.of(PREFILL, 0.5, 1);

    Stabilised shortened =
        Stabiliser.decide(2, ReplicaState.steady(4), PREFILL, sure, fellTo2(180), true, NOW);
    Stabilised held =
        Stabiliser.decide(2, ReplicaState.steady(4), PREFILL, unsure, fellTo2(180), true, NOW);

    assertThat(shortened.desired()).isEqualTo(2);
    assertThat(shortened.why().reason()).isEqualTo(Reason.SCALE_DOWN);
    // a minute of agreement is enough: the target already covers the lead time's peak (the lead
    // time, 150 s, as the window would have held the 4 engines for it a second time)
    assertThat(
            Stabiliser.decide(2, ReplicaState.steady(4), PREFILL, sure, fellTo2(60), true, NOW)
                .desired())
        .isEqualTo(2);
    assertThat(shortened.why().message()).contains("window 30s instead of 300s", "±5%");
    assertThat(held.desired()).isEqualTo(4);
    assertThat(held.why().reason()).isEqualTo(Reason.SCALE_DOWN_STABILIZED);
    // the history keeps the policy's whole window, for a later unsure decision
    assertThat(shortened.history().recommendations().get(0).at())
        .isBeforeOrEqualTo(NOW.minus(Duration.ofMinutes(5)));
  }

  @Test
  void theWindowFollowsThePeakErrorBetweenTrustedAndUnsure() {
    assertThat(ScaleDownWindow.of(PREFILL, Double.NaN, 1))
        .isEqualTo(new ScaleDownWindow(Duration.ofMinutes(5), ""));
    assertThat(ScaleDownWindow.of(PREFILL, 0.0, 1).window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(ScaleDownWindow.of(PREFILL, 0.10, 1).window()).isEqualTo(Duration.ofSeconds(30));
    // halfway between ±10 % and ±30 %: halfway between 30 s and 300 s
    assertThat(ScaleDownWindow.of(PREFILL, 0.20, 1).window()).isEqualTo(Duration.ofSeconds(165));
    assertThat(ScaleDownWindow.of(PREFILL, 0.30, 1)).isEqualTo(ScaleDownWindow.of(PREFILL, 0.9, 1));
    assertThat(ScaleDownWindow.of(PREFILL, 0.30, 1).window()).isEqualTo(Duration.ofMinutes(5));
    // a policy window no longer than one interval is the user's choice: used as written
    RoleBehavior shortWindow =
        new RoleBehavior(
            Duration.ofSeconds(30), 4, Duration.ofSeconds(30), 0.1, Duration.ofMinutes(2));
    assertThat(ScaleDownWindow.of(shortWindow, 0.0, 1).window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(ScaleDownWindow.of(shortWindow, 0.0, 1).why()).isEmpty();
  }

  @Test
  void aSureForecastDoesNotShortenTheWindowBeforeTheCapacityModelIsChecked() {
    ScaleDownWindow unchecked = ScaleDownWindow.of(PREFILL, 0.05, 0);
    assertThat(unchecked.window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(unchecked.why())
        .isEqualTo(
            "the policy's window although the forecast peak has lately been off by only ±5%: the"
                + " capacity model has not been checked against an observed window yet (no"
                + " correction sample)");
    Stabilised held =
        Stabiliser.decide(2, ReplicaState.steady(4), PREFILL, unchecked, fellTo2(180), true, NOW);
    assertThat(held.desired()).isEqualTo(4);
    assertThat(held.why().message()).contains("the recommendations of the last 300s reach 4");
    // an unsure or unknown forecast reads as before: the policy's window, nothing to explain
    assertThat(ScaleDownWindow.of(PREFILL, 0.5, 0).why()).isEmpty();
    assertThat(ScaleDownWindow.of(PREFILL, Double.NaN, 0).why()).isEmpty();
  }

  @Test
  void decreasesWaitOnceTheHourHoldsMaxScaleDownsPerHourButIncreasesDoNot() {
    RoleBehavior twoPerHour =
        new RoleBehavior(
            Duration.ofSeconds(30), 4, Duration.ofMinutes(5), 0.1, Duration.ofMinutes(2), 2);
    // two scale-downs, an increase between them (a descent in steps would count once)
    RoleHistory twice =
        steady(3, 6)
            .scaledDown(NOW.minusSeconds(3000))
            .scaledUp()
            .scaledDown(NOW.minusSeconds(600));

    Stabilised held = Stabiliser.decide(3, ReplicaState.steady(6), twoPerHour, twice, true, NOW);
    Stabilised up = Stabiliser.decide(9, ReplicaState.steady(6), twoPerHour, twice, true, NOW);
    // 50 minutes on, the first decrease has left the hour
    Stabilised later =
        Stabiliser.decide(
            3,
            ReplicaState.steady(6),
            twoPerHour,
            twice.decided(NOW.plusSeconds(660), 3, Duration.ofMinutes(5)),
            true,
            NOW.plusSeconds(690));

    assertThat(held.desired()).isEqualTo(6);
    assertThat(held.why().reason()).isEqualTo(Reason.SCALE_DOWN_BUDGET);
    assertThat(held.why().message())
        .contains(
            "2 scale-downs in the last hour (a run of decreases with no increase between counts"
                + " once) reach maxScaleDownsPerHour 2")
        .contains("allowed from " + NOW.plusSeconds(600));
    assertThat(up.desired()).isEqualTo(9);
    assertThat(later.desired()).isEqualTo(3);
  }

  @Test
  void aDescentInStepsSpendsOneScaleDown() {
    RoleBehavior twoPerHour =
        new RoleBehavior(
            Duration.ofSeconds(30), 4, Duration.ofMinutes(5), 0.1, Duration.ofMinutes(2), 2);
    // six one-engine decreases in the last ten minutes with no increase between them: one descent
    RoleHistory descent = steady(3, 6);
    for (int s = 600; s >= 120; s -= 96) {
      descent = descent.scaledDown(NOW.minusSeconds(s));
    }

    Stabilised next = Stabiliser.decide(3, ReplicaState.steady(6), twoPerHour, descent, true, NOW);

    assertThat(descent.scaleDownsWithinHour(NOW)).hasSize(1);
    assertThat(next.desired()).isEqualTo(3);
  }
}

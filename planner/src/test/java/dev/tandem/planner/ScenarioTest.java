package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.GpuPool;
import dev.tandem.config.policy.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Scenarios over ticks of 30 s with the Grove policy (TTFT p90 ≤ 200 ms, ITL p90 ≤ 10 ms; prefill
 * every 30 s, +4, window 5 m; decode every 60 s, +2, window 10 m; start-up 2 m) on a fake cluster
 * built from the H200 profile. ISL 3000, OSL 300, Poisson arrivals.
 */
class ScenarioTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private static Function<Instant, Double> step(double before, double after, Duration at) {
    return t -> t.isBefore(T0.plus(at)) ? before : after;
  }

  private static Sim single(double slowdown, int p, int d, Function<Instant, Double> rate) {
    return new Sim()
        .add(Sim.grove("llama-8b", Optional.empty()), slowdown, p, d, rate)
        .rate("llama-8b", rate);
  }

  @Test
  void aBurstIsAbsorbedWithinTheStartUpTimePlusAFewTicks() {
    Function<Instant, Double> rate = step(10, 60, Duration.ofMinutes(5));
    Sim sim = single(1.0, 1, 1, rate);
    sim.ticks(9); // 4.5 minutes at 10 req/s
    assertThat(sim.meetsSla("llama-8b")).isTrue();

    int before = sim.desired("llama-8b", Role.PREFILL);
    sim.tick(); // the first tick that sees 60 req/s: prefill reacts at once
    assertThat(sim.desired("llama-8b", Role.PREFILL)).isGreaterThan(before);
    // decode decides every 60 s, but one engine is predicted to miss the ITL target at 60 req/s:
    // a scale-up does not wait for the interval, so it moves by its step of +2 on both ticks
    sim.tick();
    assertThat(sim.desired("llama-8b", Role.DECODE)).isEqualTo(5);

    int ticksToRecover = 0;
    while (!sim.meetsSla("llama-8b") && ticksToRecover < 20) {
      sim.tick();
      ticksToRecover++;
    }
    // 2 min start-up = 4 ticks, decode's second step 60 s later: met within 7 ticks
    assertThat(ticksToRecover).isLessThanOrEqualTo(7);
    for (int i = 0; i < 20; i++) {
      sim.tick();
      assertThat(sim.meetsSla("llama-8b")).as("tick %d after recovery", i).isTrue();
    }
  }

  @Test
  void aSlowRampIsFollowedAheadOfTime() {
    // 5 → 60 req/s over 30 minutes, 70 ticks
    Function<Instant, Double> rate =
        t -> 5 + 55 * Math.min(1, Duration.between(T0, t).toSeconds() / 1800.0);
    Sim sim = single(1.0, 1, 1, rate);
    List<Integer> missed = new ArrayList<>();
    List<Integer> prefill = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      sim.tick();
      if (!sim.meetsSla("llama-8b")) {
        missed.add(i);
      }
      prefill.add(sim.desired("llama-8b", Role.PREFILL));
    }
    // Only while the forecaster is still learning the trend (the first 5 minutes) may a tick miss;
    // afterwards the lead-time forecast (rising trend × (start-up + interval), P90 peak) has
    // engines ready before the load arrives, every tick.
    assertThat(missed).allSatisfy(i -> assertThat(i).isLessThan(10));
    assertThat(prefill).isSorted();
  }

  @Test
  void whenTrafficStopsBothRolesReturnToTheirMinimumAfterTheirWindows() {
    Function<Instant, Double> rate = step(40, 0, Duration.ofMinutes(10));
    Sim sim = single(1.0, 1, 1, rate);
    sim.ticks(20);
    int prefillAtStop = sim.desired("llama-8b", Role.PREFILL);
    int decodeAtStop = sim.desired("llama-8b", Role.DECODE);
    assertThat(prefillAtStop).isGreaterThan(1);
    assertThat(decodeAtStop).isGreaterThan(1);

    sim.ticks(9); // 4.5 min: inside prefill's 5-minute window
    assertThat(sim.desired("llama-8b", Role.PREFILL)).isEqualTo(prefillAtStop);

    sim.ticks(21); // 15 min after the stop: past decode's 10-minute window plus the level's decay
    assertThat(sim.desired("llama-8b", Role.PREFILL)).isEqualTo(1);
    assertThat(sim.desired("llama-8b", Role.DECODE)).isEqualTo(1);
  }

  @Test
  void aLongDescentInStepsSpendsOneScaleDownOfTheHour() {
    // 80 req/s for 10 minutes, then down to 10 req/s over 30 minutes: prefill steps down an
    // engine at a time, with no increase between the steps
    Function<Instant, Double> rate =
        t -> {
          double minutes = Duration.between(T0, t).toSeconds() / 60.0;
          return minutes < 10 ? 80.0 : Math.max(10.0, 80.0 - (minutes - 10) * 70 / 30);
        };
    Sim sim = single(1.0, 1, 1, rate);
    int decreases = 0;
    for (int i = 0; i < 100; i++) {
      ScalingPlan plan = sim.tick().plan(new DeploymentKey("inference", "llama-8b")).orElseThrow();
      if (i >= 20 && plan.prefill().desired() < plan.prefill().current()) {
        decreases++;
      }
      assertThat(plan.prefill().desiredWhy().reason()).isNotEqualTo(Reason.SCALE_DOWN_BUDGET);
    }

    var history = sim.histories().get(new DeploymentKey("inference", "llama-8b")).prefill();
    assertThat(decreases).isGreaterThanOrEqualTo(3);
    assertThat(history.scaleDownsWithinHour(sim.clock.now())).hasSize(1);
    assertThat(history.descending()).isTrue();
  }

  @Test
  void anUnschedulableScaleUpStopsPilingOnPendingEngines() {
    // the load keeps rising, but only 2 prefill engines can ever be scheduled (a ramp, not a
    // step: a step reads as a steep ramp and takes prefill to maxReplicas in one go)
    Function<Instant, Double> rate = t -> 10.0 + Duration.between(T0, t).toSeconds() / 10.0;
    Sim sim = single(1.0, 1, 1, rate);
    sim.cluster("llama-8b").schedulable(Role.PREFILL, 2);
    DeploymentKey key = new DeploymentKey("inference", "llama-8b");
    Integer heldAt = null;
    boolean heldBack = false;
    for (int i = 0; i < 30; i++) {
      TickReport r = sim.tick();
      var state = sim.cluster("llama-8b").state(Role.PREFILL, sim.clock.now());
      if (heldAt == null && state.hasUnschedulable()) {
        heldAt = state.desired();
      }
      if (heldAt != null) {
        // once engines are pending past the timeout, no more are requested
        assertThat(state.desired()).as("prefill at tick %d", i).isLessThanOrEqualTo(heldAt);
        ScalingPlan plan = r.plan(key).orElseThrow();
        if (plan.prefill().target() > plan.prefill().current()) {
          assertThat(plan.prefill().desiredWhy().reason()).isEqualTo(Reason.CAPACITY_UNAVAILABLE);
          heldBack = true;
        }
      }
    }
    assertThat(heldAt).isNotNull();
    assertThat(heldBack).isTrue();
    assertThat(sim.desired("llama-8b", Role.DECODE)).isGreaterThan(1); // decode is unaffected
  }

  @Test
  void aPoolSharedByTwoDeploymentsIsNeverExceededAndPriorityWins() {
    Function<Instant, Double> rate = step(10, 60, Duration.ofMinutes(2));
    Sim sim =
        new Sim()
            .add(Sim.grove("high", Optional.of(new GpuPool("shared", 100))), 1.0, 1, 1, rate)
            .add(Sim.grove("low", Optional.of(new GpuPool("shared", 0))), 1.0, 1, 1, rate)
            .pool("shared", 10);
    for (int i = 0; i < 40; i++) {
      sim.tick();
      int held = 0;
      for (String name : List.of("high", "low")) {
        for (Role role : List.of(Role.PREFILL, Role.DECODE)) {
          var s = sim.cluster(name).state(role, sim.clock.now());
          held += s.desired() + s.draining();
        }
      }
      assertThat(held).as("GPUs held at tick %d", i).isLessThanOrEqualTo(10);
    }
    int high = sim.desired("high", Role.PREFILL) + sim.desired("high", Role.DECODE);
    int low = sim.desired("low", Role.PREFILL) + sim.desired("low", Role.DECODE);
    // 60 req/s needs 10 GPUs; the pool has 10: minimums 2 + 2, then high up to 8
    assertThat(high).isEqualTo(8);
    assertThat(low).isEqualTo(2);
  }

  @Test
  void enginesThirtyPercentSlowerThanProfiledConvergeUnderTheTarget() {
    // sized from the profile for 40 req/s (prefill 3, decode 3), but every latency is 1.3×
    Sim sim = single(1.3, 3, 3, t -> 40.0);
    sim.tick();
    assertThat(sim.meetsSla("llama-8b")).isFalse();

    int ticks = 1;
    while (!sim.meetsSla("llama-8b") && ticks < 40) {
      sim.tick();
      ticks++;
    }
    // stated bound: back under both targets within 12 ticks (6 minutes, 2 of them start-up)
    assertThat(ticks).isLessThanOrEqualTo(12);
    for (int i = 0; i < 40; i++) {
      sim.tick();
      assertThat(sim.meetsSla("llama-8b")).as("tick %d after convergence", i).isTrue();
    }
    var history = sim.histories().get(new DeploymentKey("inference", "llama-8b"));
    assertThat(history.prefill().correction()).isBetween(1.25, 1.35);
    assertThat(history.decode().correction()).isBetween(1.25, 1.35);
  }
}

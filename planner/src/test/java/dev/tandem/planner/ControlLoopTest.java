package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.Mode;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.forecast.ObservedRateForecaster;
import dev.tandem.planner.history.HistoryCodec;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.planner.testing.FakeMetricsSource;
import dev.tandem.planner.testing.ManualClock;
import dev.tandem.planner.testing.RecordingActuator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The loop's error policy and cadence, with hand-written fakes. */
class ControlLoopTest {

  private final ManualClock clock = ManualClock.atEpoch2025();
  private final FakeMetricsSource metrics = new FakeMetricsSource();
  private final RecordingActuator actuator = new RecordingActuator();
  private final Map<DeploymentKey, ReplicaStates> states = new HashMap<>();
  private final Set<DeploymentKey> brokenStates = new java.util.HashSet<>();

  private Deployment deployment(String name, Mode mode) {
    SlaPolicy p = Inputs.withMode(Sim.grove(name, Optional.empty()), mode);
    Deployment d = Deployment.of(p, Examples.h200(), Examples.h200());
    states.put(d.key(), ReplicaStates.steady(1, 1));
    metrics.set(d.key(), (key, at) -> load(key, at, 40));
    return d;
  }

  private static MetricsSnapshot load(DeploymentKey key, Instant at, double rate) {
    return MetricsSnapshot.builder(key, at)
        .arrivalRate(rate)
        .inputTokens(3000, 9e6)
        .outputTokens(300, 9e4)
        .arrivalCv2(1)
        .build();
  }

  private ControlLoop loop(
      List<Deployment> deployments, Map<DeploymentKey, ScalingHistory> histories) {
    return new ControlLoop(
        new Planner(),
        new ObservedRateForecaster(),
        metrics,
        (policy, now) -> {
          DeploymentKey key = DeploymentKey.of(policy);
          if (brokenStates.contains(key)) {
            throw new IllegalStateException("API server said 500");
          }
          return states.get(key);
        },
        actuator,
        deployments,
        Map.of(),
        histories);
  }

  @Test
  void aFailingMetricsSourceScalesNothingAndCrashesNothing() {
    Deployment a = deployment("a", Mode.ACTIVE);
    metrics.failNextCall(new IllegalStateException("Prometheus unreachable"));

    TickReport report = loop(List.of(a), Map.of()).tick(clock.step(Duration.ofSeconds(30)));

    assertThat(report.failures()).extracting(TickReport.Failure::stage).containsExactly("metrics");
    ScalingPlan plan = report.plan(a.key()).orElseThrow();
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.prefill().targetWhy().message())
        .startsWith("load metrics not healthy (arrivalRate MISSING, inputTokensMean MISSING,");
    assertThat(plan.prefill().desired()).isEqualTo(1);
    assertThat(plan.decode().desired()).isEqualTo(1);
    assertThat(actuator.applied()).isEmpty();
  }

  @Test
  void oneDeploymentsFailureNeverStopsAnothers() {
    Deployment a = deployment("a", Mode.ACTIVE);
    Deployment b = deployment("b", Mode.ACTIVE);
    Deployment c = deployment("c", Mode.ACTIVE);
    brokenStates.add(a.key());
    actuator.failNextCall(new IllegalStateException("409 Conflict"));

    TickReport report = loop(List.of(a, b, c), Map.of()).tick(clock.step(Duration.ofSeconds(30)));

    // a: state read failed (no plan); b: planned, its write failed; c: planned and applied
    assertThat(report.failures())
        .extracting(f -> f.deployment().orElseThrow().name() + ":" + f.stage())
        .containsExactly("a:state", "b:apply");
    assertThat(report.plans()).extracting(p -> p.deployment().name()).containsExactly("b", "c");
    assertThat(actuator.applied()).extracting(p -> p.deployment().name()).containsExactly("c");
  }

  @Test
  void advisoryPlansAreReportedButNeverApplied() {
    Deployment a = deployment("a", Mode.ADVISORY);

    TickReport report = loop(List.of(a), Map.of()).tick(clock.step(Duration.ofSeconds(30)));

    assertThat(report.plan(a.key()).orElseThrow().hasChanges()).isTrue();
    assertThat(actuator.applied()).isEmpty();
  }

  @Test
  void aScaleUpDoesNotWaitForTheRolesInterval() {
    Deployment a = deployment("a", Mode.ADVISORY); // one engine per role at 40 req/s
    ControlLoop loop = loop(List.of(a), Map.of());
    loop.tick(clock.step(Duration.ofSeconds(30)));

    // 30 s later decode (60 s interval) is not due, but one engine is predicted to miss its ITL
    ScalingPlan plan = loop.tick(clock.step(Duration.ofSeconds(30))).plan(a.key()).orElseThrow();
    assertThat(plan.decode().predictedMillis()).isLessThanOrEqualTo(10.0);
    assertThat(plan.decode().desired()).isGreaterThan(plan.decode().current());
    assertThat(plan.decode().desiredWhy().message())
        .contains(
            "before its 1m interval is up: at its current 1 it is predicted to miss the target");
  }

  @Test
  void eachRoleKeepsItsOwnCadence() {
    Deployment a = deployment("a", Mode.ADVISORY);
    states.put(a.key(), ReplicaStates.steady(6, 6)); // enough for 40 req/s: nothing is urgent
    ControlLoop loop = loop(List.of(a), Map.of());
    loop.tick(clock.step(Duration.ofSeconds(30)));

    // 30 s later prefill (30 s interval) is due again, decode (60 s) is not
    ScalingPlan plan = loop.tick(clock.step(Duration.ofSeconds(30))).plan(a.key()).orElseThrow();
    assertThat(plan.decode().desiredWhy().reason()).isEqualTo(Reason.NOT_DUE);
    assertThat(plan.prefill().desiredWhy().reason()).isNotEqualTo(Reason.NOT_DUE);
    // 10 s later nothing is due: no metrics call at all
    int calls = metrics.calls().size();
    assertThat(loop.tick(clock.step(Duration.ofSeconds(10))).plans()).isEmpty();
    assertThat(metrics.calls()).hasSize(calls);
  }

  @Test
  void aRestartFromTheSerialisedHistoryReproducesTheDecisions() {
    Deployment a = deployment("a", Mode.ADVISORY);
    ControlLoop first = loop(List.of(a), Map.of());
    for (int i = 0; i < 5; i++) {
      first.tick(clock.step(Duration.ofSeconds(30)));
    }
    String saved = HistoryCodec.write(first.histories().get(a.key()));
    ControlLoop restarted = loop(List.of(a), Map.of(a.key(), HistoryCodec.read(saved)));

    Instant next = clock.step(Duration.ofSeconds(30));
    ScalingPlan original = first.tick(next).plan(a.key()).orElseThrow();
    ScalingPlan replayed = restarted.tick(next).plan(a.key()).orElseThrow();

    assertThat(replayed).isEqualTo(original);
  }
}

package dev.tandem.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.planner.forecast.ForecastState;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.ports.MetricsSource;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.planner.testing.FakeMetricsSource;
import dev.tandem.planner.testing.ManualClock;
import dev.tandem.planner.testing.RecordingActuator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A deployment first seen without a stored forecast is forecast from its metrics history ({@link
 * ForecastBackfill}): from the first decision, not after the selector's cold start.
 */
class ControlLoopBackfillTest {

  private final ManualClock clock = ManualClock.atEpoch2025();
  private final Deployment deployment =
      Deployment.of(Sim.grove("swing", Optional.empty()), Examples.h200(), Examples.h200());
  private final List<Instant> asked = new ArrayList<>();

  /** A 10-minute swing of 5–45 req/s, readable at any instant (as Prometheus answers at time=t). */
  private MetricsSnapshot swing(DeploymentKey key, Instant at) {
    asked.add(at);
    double phase = 2 * Math.PI * (at.getEpochSecond() % 600) / 600.0;
    return MetricsSnapshot.builder(key, at)
        .arrivalRate(25 - 20 * Math.cos(phase))
        .inputTokens(3000, 9e6)
        .outputTokens(300, 9e4)
        .arrivalCv2(1)
        .build();
  }

  private ControlLoop loop(MetricsSource metrics, Map<DeploymentKey, ScalingHistory> histories) {
    return loop(metrics, histories, 2);
  }

  private ControlLoop loop(
      MetricsSource metrics, Map<DeploymentKey, ScalingHistory> histories, int engines) {
    return new ControlLoop(
        new Planner(),
        metrics,
        (policy, now) -> ReplicaStates.steady(engines, engines),
        new RecordingActuator(),
        List.of(deployment),
        Map.of(),
        histories);
  }

  private FakeMetricsSource swinging() {
    return new FakeMetricsSource().set(deployment.key(), this::swing);
  }

  @Test
  void anHourOfHistoryMakesTheFirstDecisionAWarmOne() {
    FakeMetricsSource metrics = swinging();
    ControlLoop loop = loop(metrics, Map.of()).backfill(metrics, Duration.ofHours(1));

    Instant now = clock.step(Duration.ofSeconds(30));
    TickReport first = loop.tick(now);

    assertThat(first.backfills()).hasSize(1);
    TickReport.Backfill b = first.backfills().get(0);
    assertThat(b.readings()).isEqualTo(120);
    assertThat(b.asked()).isEqualTo(120);
    assertThat(b.describe())
        .isEqualTo(
            "forecast of " + deployment.key() + " warmed from 120 of 120 past readings, 30s apart");
    // read newest first, one tick apart, from a tick before the decision back an hour
    assertThat(asked.get(0)).isEqualTo(now.minusSeconds(30));
    assertThat(asked.get(119)).isEqualTo(now.minus(Duration.ofHours(1)));
    ScalingPlan plan = first.plan(deployment.key()).orElseThrow();
    assertThat(plan.prefillForecast().reason()).startsWith("selector on 30s ticks (");
    assertThat(plan.prefillForecast().confidenceKnown()).isTrue();
  }

  @Test
  void aWarmedForecastDoesNotScaleDownBeforeTheCapacityModelIsChecked() {
    FakeMetricsSource metrics = swinging();
    ControlLoop loop = loop(metrics, Map.of(), 6).backfill(metrics, Duration.ofHours(1));
    TickReport last = null;
    for (int i = 0; i < 6; i++) {
      last = loop.tick(clock.step(Duration.ofSeconds(30)));
    }
    ScalingPlan plan = last.plan(deployment.key()).orElseThrow();
    assertThat(plan.prefillForecast().confidenceKnown()).isTrue();
    RoleDecision prefill = plan.decision(dev.tandem.config.policy.Role.PREFILL);
    assertThat(prefill.target()).isLessThan(6);
    assertThat(prefill.desired()).isEqualTo(6);
    assertThat(prefill.desiredWhy().message())
        .contains("the capacity model has not been checked against an observed window yet");
  }

  @Test
  void withoutBackfillTheFirstDecisionIsACold() {
    ControlLoop loop = loop(swinging(), Map.of());
    TickReport first = loop.tick(clock.step(Duration.ofSeconds(30)));
    assertThat(first.backfills()).isEmpty();
    assertThat(first.plan(deployment.key()).orElseThrow().prefillForecast().reason())
        .startsWith("cold start (");
  }

  @Test
  void aStoredForecastIsResumedNotBackfilledAndABackfillHappensOnce() {
    FakeMetricsSource metrics = swinging();
    ControlLoop warm = loop(metrics, Map.of()).backfill(metrics, Duration.ofHours(1));
    warm.tick(clock.step(Duration.ofSeconds(30)));
    TickReport second = warm.tick(clock.step(Duration.ofSeconds(30)));
    assertThat(second.backfills()).isEmpty();
    assertThat(metrics.calls()).hasSize(120 + 2);

    FakeMetricsSource again = swinging();
    ControlLoop resumed = loop(again, warm.histories()).backfill(again, Duration.ofHours(1));
    TickReport first = resumed.tick(clock.step(Duration.ofSeconds(30)));
    assertThat(first.backfills()).isEmpty();
    assertThat(again.calls()).hasSize(1);
  }

  @Test
  void aFailingHistoryIsReportedAndTheTickStillDecides() {
    FakeMetricsSource metrics = swinging();
    MetricsSource failing =
        (keys, at) -> {
          throw new IllegalStateException("Prometheus unreachable");
        };
    ControlLoop loop = loop(metrics, Map.of()).backfill(failing, Duration.ofHours(1));
    TickReport first = loop.tick(clock.step(Duration.ofSeconds(30)));
    assertThat(first.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stage()).isEqualTo("backfill");
              assertThat(f.message()).contains("IllegalStateException: Prometheus unreachable");
            });
    assertThat(first.backfills().get(0).readings()).isZero();
    assertThat(first.plan(deployment.key()).orElseThrow().prefillForecast().reason())
        .startsWith("cold start (");
  }

  @Test
  void aReadFailingHalfwayKeepsTheRecentPartNextToNow() {
    FakeMetricsSource metrics = swinging();
    AtomicInteger reads = new AtomicInteger();
    MetricsSource stopsAfter40 =
        (keys, at) -> {
          if (reads.incrementAndGet() > 40) {
            throw new IllegalStateException("past reads stopped: budget spent");
          }
          return metrics.snapshot(keys, at);
        };
    ControlLoop loop = loop(metrics, Map.of()).backfill(stopsAfter40, Duration.ofHours(1));
    Instant now = clock.step(Duration.ofSeconds(30));
    TickReport first = loop.tick(now);
    assertThat(first.backfills().get(0).readings()).isEqualTo(40);
    assertThat(first.failures())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("reading " + now.minus(Duration.ofMinutes(20).plusSeconds(30)))
                    .endsWith("IllegalStateException: past reads stopped: budget spent"));
    // the 41st read, 20.5 minutes back, failed: what was observed is the 20 minutes next to now
    // (too few for the selector, so the first decision is still the fallback's)
    assertThat(first.plan(deployment.key()).orElseThrow().prefillForecast().reason())
        .startsWith("cold start (");
  }

  @Test
  void readingsThatAreNotOfThePastInstantOrHaveNoRateAreSkipped() {
    FakeMetricsSource metrics = swinging();
    Instant now = clock.step(Duration.ofSeconds(30));
    // a source that can only read the present answers every past instant with "now"
    MetricsSource presentOnly = (keys, at) -> metrics.snapshot(keys, now);
    ControlLoop loop = loop(metrics, Map.of()).backfill(presentOnly, Duration.ofMinutes(30));
    TickReport first = loop.tick(now);
    assertThat(first.backfills().get(0).readings()).isZero();
    assertThat(first.backfills().get(0).describe())
        .endsWith("not warmed: none of the 60 past readings (30s apart) had an arrival rate");
    assertThat(loop.histories().get(deployment.key()).forecast().isEmpty()).isFalse();

    MetricsSource noRate =
        (keys, at) -> Map.of(deployment.key(), MetricsSnapshot.missing(deployment.key(), at));
    ControlLoop gaps = loop(metrics, Map.of()).backfill(noRate, Duration.ofMinutes(30));
    assertThat(gaps.tick(now).backfills().get(0).readings()).isZero();
  }

  @Test
  void aNegativeSpanIsRefused() {
    FakeMetricsSource metrics = swinging();
    assertThatThrownBy(() -> loop(metrics, Map.of()).backfill(metrics, Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backfill span must be >= 0, got PT-1M");
  }

  @Test
  void anEmptyStateIsEmptyAndAWrittenOneIsNot() {
    assertThat(ForecastState.empty().isEmpty()).isTrue();
    assertThat(ForecastState.of("observed-ewma", Map.of("level", 1.0)).isEmpty()).isFalse();
  }
}

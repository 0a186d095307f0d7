package dev.tandem.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.planner.Deployment;
import dev.tandem.planner.Recommender;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.service.policy.PolicyCatalog;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The console's history on real plans: the Grove Llama-8B fixture policy (max 8 prefill, 12 decode,
 * 16 GPUs) planned by the dry-run's {@link Recommender} on the H200 profile.
 */
class ConsoleHistoryTest {

  static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
  static final Deployment LLAMA = fixture();

  @Test
  void keepsTheLastPointsAndHandsOutOnlyWhatIsNewer() {
    ConsoleHistory history = new ConsoleHistory(3, 10);
    for (int i = 0; i < 5; i++) {
      ScalingPlan plan = plan(10 + i, 1, 1, T0.plusSeconds(30L * i));
      history.record(plan, Optional.empty(), Optional.empty(), 16, Optional.empty());
    }
    ConsoleHistory.Slice all = history.after(LLAMA.key(), 0);
    assertThat(all.latestSeq()).isEqualTo(5);
    assertThat(all.points()).extracting(ConsolePoint::seq).containsExactly(3L, 4L, 5L);
    assertThat(all.points().get(2).at()).isEqualTo(T0.plusSeconds(120));
    assertThat(history.after(LLAMA.key(), 4).points())
        .extracting(ConsolePoint::seq)
        .containsExactly(5L);
    assertThat(history.after(LLAMA.key(), 5).points()).isEmpty();
  }

  @Test
  void logsEveryChangeOfACountWithThePlannersReasonsAndNothingElse() {
    ConsoleHistory history = new ConsoleHistory(10, 10);
    ScalingPlan up = plan(30, 1, 1, T0); // from the minimums: both roles scale up
    ScalingPlan same = plan(30, up.prefill().desired(), up.decode().desired(), T0.plusSeconds(30));
    history.record(up, Optional.empty(), Optional.empty(), 16, Optional.empty());
    history.record(same, Optional.empty(), Optional.empty(), 16, Optional.empty());

    var decisions = history.after(LLAMA.key(), 0).decisions();
    assertThat(decisions)
        .hasSize((int) up.decisions().stream().filter(RoleDecision::changes).count());
    assertThat(decisions).isNotEmpty().allMatch(d -> d.seq() == 1);
    DecisionEntry prefill = decisions.get(0);
    assertThat(prefill.role()).isEqualTo("prefill");
    assertThat(prefill.from()).isEqualTo(1);
    assertThat(prefill.to()).isEqualTo(up.prefill().desired());
    assertThat(prefill.reason()).isEqualTo(up.prefill().desiredWhy().reason().name());
    assertThat(prefill.message()).isEqualTo(up.prefill().desiredWhy().message());
    assertThat(prefill.slaReason()).isEqualTo(up.prefill().targetWhy().toString());
    assertThat(prefill.mode()).isEqualTo("active");
  }

  @Test
  void aMissingSignalIsAGapNotAZero() {
    ConsoleHistory history = new ConsoleHistory(10, 10);
    MetricsSnapshot metrics =
        MetricsSnapshot.builder(LLAMA.key(), T0)
            .window(Duration.ofMinutes(1))
            .arrivalRate(12.5)
            .ttftPercentileMillis(140)
            .build(); // ITL never set: MISSING
    history.record(
        plan(12.5, 1, 1, T0),
        Optional.of(metrics),
        Optional.of(ReplicaStates.steady(2, 3)),
        16,
        Optional.of(21.0));
    ConsolePoint p = history.after(LLAMA.key(), 0).points().get(0);
    assertThat(p.observedRate()).isEqualTo(12.5);
    assertThat(p.ttftObservedMillis()).isEqualTo(140.0);
    assertThat(p.itlObservedMillis()).isNull();
    assertThat(p.prefill().written()).isEqualTo(2);
    assertThat(p.decode().ready()).isEqualTo(3);
    assertThat(p.capacity()).isEqualTo(21.0);
    assertThat(p.budgetGpus()).isEqualTo(16);
  }

  @Test
  void theCapacityOfTheSlaSizedCountsCoversTheirRateAndNoMore() {
    double rate = 20;
    ScalingPlan first = plan(rate, 1, 1, T0);
    // from the SLA size itself, so that the decided counts are the SLA-sized ones
    ScalingPlan plan = plan(rate, first.prefill().target(), first.decode().target(), T0);
    assertThat(plan.prefill().desired()).isEqualTo(plan.prefill().target());
    assertThat(plan.decode().desired()).isEqualTo(plan.decode().target());

    double capacity = new CapacityEstimator().capacity(LLAMA, plan, Optional.empty()).orElseThrow();

    assertThat(capacity).isGreaterThanOrEqualTo(rate * (1 - CapacityEstimator.PRECISION));
    // just above it, one of the roles needs more than was decided
    ScalingPlan above =
        plan(
            capacity * (1 + 3 * CapacityEstimator.PRECISION),
            plan.prefill().desired(),
            plan.decode().desired(),
            T0);
    assertThat(
            above.prefill().target() > plan.prefill().desired()
                || above.decode().target() > plan.decode().desired())
        .isTrue();
  }

  @Test
  void noLengthsNoCapacity() {
    ScalingPlan idle = plan(0, 1, 1, T0);
    Optional<Double> capacity =
        new CapacityEstimator()
            .capacity(
                LLAMA,
                new ScalingPlan(
                    idle.deployment(),
                    idle.at(),
                    idle.mode(),
                    idle.prefill(),
                    idle.decode(),
                    idle.router(),
                    idle.gpus(),
                    idle.gpusWhy(),
                    idle.changes(),
                    dev.tandem.planner.forecast.LoadForecast.given(
                        0, 0, 0, 1, 0, Duration.ofMinutes(1), 0.9),
                    idle.decodeForecast(),
                    idle.history()),
                Optional.empty());
    assertThat(capacity).isEmpty();
  }

  /** Fixed lengths (ISL 3000, OSL 300), Poisson arrivals, from the given counts. */
  static ScalingPlan plan(double rate, int prefill, int decode, Instant at) {
    return new Recommender()
        .recommend(
            LLAMA,
            new Recommender.Load(
                rate, 3000, 0, 300, 0, 1, 0, OptionalInt.of(prefill), OptionalInt.of(decode)),
            at);
  }

  private static Deployment fixture() {
    try {
      Path dir = Path.of(ConsoleHistoryTest.class.getResource("/fixtures").toURI());
      PolicyCatalog catalog = new PolicyCatalog(dir);
      catalog.refresh(T0);
      return catalog.current().deployments().stream()
          .filter(d -> d.key().name().equals("llama-8b"))
          .findFirst()
          .orElseThrow(
              () ->
                  new AssertionError(
                      "fixture llama-8b not loaded: " + catalog.current().rejected()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

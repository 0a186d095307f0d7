package dev.tandem.simulations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.arrivals.SinusoidArrivals;
import dev.tandem.simulations.cluster.ClusterOptions;
import dev.tandem.simulations.cluster.KvTransfer;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import dev.tandem.simulations.policy.dynamo.DynamoSettings;
import dev.tandem.simulations.policy.dynamo.DynamoSlaPolicy;
import dev.tandem.simulations.policy.hpa.HpaPolicy;
import dev.tandem.simulations.report.IntervalRow;
import dev.tandem.simulations.report.SimulationReport;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request arrives and completes exactly once, in order of its own timestamps; GPU time summed
 * per engine equals the integral of GPUs held over time and the time series' GPU column.
 */
class ConservationTest {

  record Case(String name, Supplier<ScalingPolicy> policy, boolean sharedPrefillQueue) {

    Case(String name, Supplier<ScalingPolicy> policy) {
      this(name, policy, false);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> policies() {
    return Stream.of(
        new Case("static 2P/3D", () -> new StaticSplitPolicy(2, 3)),
        new Case(
            "reference planner, 60 s interval",
            () ->
                new DynamoSlaPolicy(
                    TestProfiles.h200(),
                    new DynamoSettings(
                        60,
                        10,
                        200,
                        1,
                        -1,
                        true,
                        1,
                        1,
                        dev.tandem.simulations.policy.dynamo.LastValuePredictor::new))),
        new Case("HPA scaling up and down", () -> new HpaPolicy(1.0, 0.15, 1, 32, 1, 1)),
        new Case("static 2P/3D, shared prefill queue", () -> new StaticSplitPolicy(2, 3), true),
        new Case(
            "HPA, shared prefill queue (engines join and drain while requests wait)",
            () -> new HpaPolicy(1.0, 0.15, 1, 32, 1, 1),
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void requestsAndGpuTimeAreConserved(Case c) {
    SimulationConfig config =
        SimulationConfig.of(
                TestProfiles.h200(), SlaTargets.millis(90, 200, 90, 10), Duration.ofSeconds(30))
            .withCluster(
                ClusterOptions.DEFAULTS
                    .withKvTransfer(new KvTransfer.Fixed(2_000))
                    .withSharedPrefillQueue(c.sharedPrefillQueue()));
    SinusoidArrivals load = new SinusoidArrivals(2, 30, 300, 900, 2000, 200);
    int expected = countArrivals(load, 5);
    java.util.BitSet seen = new java.util.BitSet(expected);
    long[] duplicates = {0};
    SimulationReport report =
        new Simulation(
                load.open(5),
                c.policy().get(),
                config,
                ProgressListener.NONE,
                r -> {
                  if (seen.get((int) r.id)) {
                    duplicates[0]++;
                  }
                  seen.set((int) r.id);
                  assertThat(r.firstTokenMicros).isGreaterThanOrEqualTo(r.arrivalMicros + 2_000);
                  assertThat(r.completionMicros).isGreaterThanOrEqualTo(r.firstTokenMicros);
                })
            .run();

    assertThat(duplicates[0]).isZero();
    assertThat(seen.cardinality()).isEqualTo(expected);
    assertThat(seen.nextClearBit(0)).isEqualTo(expected);
    assertThat(report.summary().requests()).isEqualTo(expected);
    assertThat(report.summary().completed()).isEqualTo(expected);
    assertThat(report.firstTokens()).isEqualTo(expected);
    assertThat(report.series().stream().mapToLong(IntervalRow::arrivals).sum()).isEqualTo(expected);
    assertThat(report.series().stream().mapToLong(IntervalRow::completions).sum())
        .isEqualTo(expected);

    assertThat(report.gpuMicrosPerEngine()).isEqualTo(report.gpuMicrosIntegral());
    double seriesGpuMicros =
        report.series().stream()
            .mapToDouble(r -> r.gpusAverage() * (r.endSeconds() - r.startSeconds()) * 1e6)
            .sum();
    assertThat(seriesGpuMicros).isCloseTo(report.gpuMicrosIntegral(), within(1.0));
    assertThat(report.summary().gpuHours())
        .isCloseTo(report.gpuMicrosPerEngine() / 3.6e9, within(1e-12));
  }

  private static int countArrivals(SinusoidArrivals load, long seed) {
    var s = load.open(seed);
    int n = 0;
    while (s.advance()) {
      n++;
    }
    return n;
  }
}

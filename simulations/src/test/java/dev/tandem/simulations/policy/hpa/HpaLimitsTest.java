package dev.tandem.simulations.policy.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.arrivals.SinusoidArrivals;
import dev.tandem.simulations.cluster.ClusterOptions;
import dev.tandem.simulations.cluster.ReplicaLimits;
import dev.tandem.simulations.engine.ProgressListener;
import dev.tandem.simulations.engine.Simulation;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HPA never asks for more than its maxReplicas, and the cluster holds every policy to the
 * scenario's limits. The load (the reference's sinusoid, 5→45 req/s at ISL 3000, 20 minutes) with
 * low targets drives both HPAs to their caps, so the caps are shown to bind, not merely unreached.
 */
class HpaLimitsTest {

  /** Records what a policy asked for and what the cluster had at each decision. */
  static final class Recording implements ScalingPolicy {
    final ScalingPolicy inner;
    int maxAskedPrefill;
    int maxAskedDecode;
    int maxHeldPrefill;
    int maxHeldDecode;
    int maxGpus;

    Recording(ScalingPolicy inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public long intervalMicros() {
      return inner.intervalMicros();
    }

    @Override
    public long windowMicros() {
      return inner.windowMicros();
    }

    @Override
    public ReplicaTargets initial() {
      return inner.initial();
    }

    @Override
    public ReplicaTargets decide(ClusterObservation o) {
      maxHeldPrefill = Math.max(maxHeldPrefill, o.prefill().current());
      maxHeldDecode = Math.max(maxHeldDecode, o.decode().current());
      int gpus =
          o.prefill().current()
              + o.prefill().draining()
              + o.decode().current()
              + o.decode().draining();
      maxGpus = Math.max(maxGpus, gpus);
      ReplicaTargets t = inner.decide(o);
      maxAskedPrefill = Math.max(maxAskedPrefill, t.prefill());
      maxAskedDecode = Math.max(maxAskedDecode, t.decode());
      return t;
    }
  }

  static Recording run(ScalingPolicy policy, ReplicaLimits limits) {
    SimulationConfig config =
        SimulationConfig.of(
                TestProfiles.h200(), SlaTargets.millis(90, 200, 90, 10), Duration.ofSeconds(30))
            .withCluster(ClusterOptions.DEFAULTS.withLimits(limits));
    Recording r = new Recording(policy);
    new Simulation(
            new SinusoidArrivals(5, 45, 600, 1200, 3000, 300).open(1),
            r,
            config,
            ProgressListener.NONE)
        .run();
    return r;
  }

  record Case(String name, int max, Supplier<HpaPolicy> policy) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> hpas() {
    return Stream.of(
        new Case("waiting 2 / KV 0.05, max 3", 3, () -> HpaPolicy.waiting(2, 0.05, 3, 1, 1)),
        new Case(
            "KEDA p90 TTFT 50 ms / KV 0.05, max 4",
            4,
            () -> HpaPolicy.kedaTtft(50, 90, 0.05, 4, 1, 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hpas")
  void theHpaNeverAsksForMoreThanItsMaxReplicas(Case c) {
    Recording r = run(c.policy().get(), ReplicaLimits.UNBOUNDED);

    assertThat(r.maxAskedPrefill).isEqualTo(c.max());
    assertThat(r.maxAskedDecode).isEqualTo(c.max());
    assertThat(r.maxHeldPrefill).isLessThanOrEqualTo(c.max());
    assertThat(r.maxHeldDecode).isLessThanOrEqualTo(c.max());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hpas")
  void theClusterHoldsAGreedyPolicyToTheScenarioLimits(Case c) {
    // An HPA that believes it may have 64 engines per role, in a scenario allowing 5 and 8 GPUs.
    ScalingPolicy greedy =
        c.max() == 3
            ? HpaPolicy.waiting(2, 0.05, 64, 1, 1)
            : HpaPolicy.kedaTtft(50, 90, 0.05, 64, 1, 1);
    Recording r = run(greedy, new ReplicaLimits(5, 8));

    assertThat(Math.max(r.maxAskedPrefill, r.maxAskedDecode)).isGreaterThan(5);
    assertThat(r.maxHeldPrefill).isLessThanOrEqualTo(5);
    assertThat(r.maxHeldDecode).isLessThanOrEqualTo(5);
    assertThat(r.maxGpus).isLessThanOrEqualTo(8).isGreaterThanOrEqualTo(7);
  }
}

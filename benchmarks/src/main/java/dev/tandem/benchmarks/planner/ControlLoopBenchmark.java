package dev.tandem.benchmarks.planner;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.ControlLoop;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.Planner;
import dev.tandem.planner.TickReport;
import dev.tandem.planner.forecast.ObservedRateForecaster;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.profiles.model.PerformanceProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One {@code ControlLoop} tick over 1,000 deployments through in-memory ports (no I/O): every tick
 * advances 30 s, so every prefill role is due each tick and every decode role every other tick.
 * Divide by 1,000 for the cost per deployment. Run: {@code java -jar
 * benchmarks/target/benchmarks.jar ControlLoopBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ControlLoopBenchmark {

  private static final int DEPLOYMENTS = 1_000;

  private ControlLoop loop;
  private Instant now;

  @Setup
  public void setUp() {
    SlaPolicy grove = Fixtures.grove();
    PerformanceProfile h200 = Fixtures.h200();
    List<Deployment> deployments = new ArrayList<>();
    Map<DeploymentKey, Double> rates = new HashMap<>();
    for (int i = 0; i < DEPLOYMENTS; i++) {
      Deployment d = Fixtures.deployment(grove, h200, "d" + i);
      deployments.add(d);
      rates.put(d.key(), 5.0 + (i % 60));
    }
    now = Instant.parse("2025-01-01T00:00:00Z");
    loop =
        new ControlLoop(
            new Planner(),
            new ObservedRateForecaster(),
            (keys, at) -> {
              Map<DeploymentKey, MetricsSnapshot> out = new HashMap<>();
              for (DeploymentKey k : keys) {
                out.put(k, Fixtures.snapshot(k, at, rates.get(k)));
              }
              return out;
            },
            (policy, at) -> ReplicaStates.steady(3, 3),
            plan -> {},
            deployments,
            Map.of(),
            Map.of());
  }

  @Benchmark
  public TickReport tick() {
    now = now.plusSeconds(30);
    return loop.tick(now);
  }
}

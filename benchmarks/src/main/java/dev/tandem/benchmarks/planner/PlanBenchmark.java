package dev.tandem.benchmarks.planner;

import dev.tandem.planner.Deployment;
import dev.tandem.planner.Planner;
import dev.tandem.planner.PlannerInput;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.forecast.ForecastState;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.forecast.ObservedRateForecaster;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code Planner.plan()} for one deployment: corrections from observed latencies, prefill G/G/c
 * sizing over 12 ISL strata, decode fixed point, budget, stabilisation with a full window of
 * history, reasons. Target: ≤ 50 µs. Run: {@code java -jar benchmarks/target/benchmarks.jar
 * PlanBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlanBenchmark {

  private final Planner planner = new Planner();
  private PlannerInput input;
  private ScalingHistory history;
  private Instant now;

  @Setup
  public void setUp() {
    Deployment d = Fixtures.deployment(Fixtures.grove(), Fixtures.h200(), "bench");
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    ObservedRateForecaster forecaster = new ObservedRateForecaster();
    history = ScalingHistory.empty();
    ForecastState state = ForecastState.empty();
    for (int s = 0; s <= 900; s += 30) {
      MetricsSnapshot m = Fixtures.snapshot(d.key(), t0.plusSeconds(s), 40 + (s % 120) / 30.0);
      state = forecaster.observe(d.key(), state, m);
      input = input(d, m, forecaster, state);
      history = planner.plan(input, history, t0.plusSeconds(s)).history();
    }
    now = t0.plusSeconds(930);
  }

  private static PlannerInput input(
      Deployment d, MetricsSnapshot m, ObservedRateForecaster f, ForecastState state) {
    LoadForecast p = f.forecast(d.key(), state, m, Duration.ofSeconds(150), 0.9);
    LoadForecast dec = f.forecast(d.key(), state, m, Duration.ofSeconds(180), 0.9);
    return PlannerInput.of(d, m, ReplicaStates.steady(4, 4), p, dec);
  }

  @Benchmark
  public ScalingPlan plan() {
    return planner.plan(input, history, now);
  }
}

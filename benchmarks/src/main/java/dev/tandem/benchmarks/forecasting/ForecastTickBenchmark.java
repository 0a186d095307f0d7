package dev.tandem.benchmarks.forecasting;

import dev.tandem.forecasting.Forecast;
import dev.tandem.forecasting.ForecastSettings;
import dev.tandem.forecasting.Forecaster;
import dev.tandem.forecasting.Forecasters;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One planner tick for 1,000 deployments: each series gets its new 10-second rate observation and
 * is asked for an 18-tick (3-minute lead time) forecast with P50/P90 and the peak P90. Series are
 * warm-started with 600 ticks of a noisy daily sine; scheduled refits (hourly at 10 s ticks) fall
 * inside the measured ticks, spread over the hour by the per-series seeds, so the score is the
 * amortised cost. Run: {@code java -jar benchmarks/target/benchmarks.jar Forecast -f 1 -wi 2 -i 3
 * -w 2s -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ForecastTickBenchmark {

  private static final int SERIES = 1_000;
  private static final int HORIZON = 18;

  @Param({"selector", "ewma"})
  public String kind;

  private Forecaster[] forecasters;
  private SplittableRandom rng;
  private long tick;

  @Setup
  public void setUp() {
    ForecastSettings settings = ForecastSettings.defaults(10, HORIZON);
    rng = new SplittableRandom(1);
    forecasters = new Forecaster[SERIES];
    for (int s = 0; s < SERIES; s++) {
      forecasters[s] = Forecasters.create(kind, settings.withSeed(s));
      for (int t = 0; t < 600; t++) {
        forecasters[s].update(value(s, t));
      }
    }
    tick = 600;
  }

  private double value(int series, long t) {
    double base = 20 + series % 50;
    return Math.max(
        0, base * (1 + 0.3 * Math.sin(2 * Math.PI * t / 8640)) + 3 * (rng.nextDouble() - 0.5));
  }

  /** Update and forecast all 1,000 series once (one tick). */
  @Benchmark
  public void tickOfThousandSeries(Blackhole bh) {
    for (int s = 0; s < SERIES; s++) {
      forecasters[s].update(value(s, tick));
      Forecast f = forecasters[s].forecast(HORIZON, 0.5, 0.9);
      bh.consume(f.peakQuantile(0.9));
    }
    tick++;
  }
}

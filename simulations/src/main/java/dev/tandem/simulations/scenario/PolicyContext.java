package dev.tandem.simulations.scenario;

import dev.tandem.simulations.arrivals.ArrivalStream;
import dev.tandem.simulations.cluster.ProfileTables;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.policy.oracle.LoadOutlook;
import dev.tandem.simulations.policy.oracle.OracleSizing;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a policy factory may know about the run it is built for: the scenario's load, cluster and
 * seed, the attainment target of the searched baselines (best static split, oracle), and a memo so
 * expensive derived values (the load outlook, a sweep) are computed once per scenario. The target
 * attainment is in (0, 1]; the log takes one-line progress notes of sweeps (e.g. to stderr), never
 * the report.
 */
public final class PolicyContext {

  /** Bins of the oracle's load outlook: 10 s, so bursts inside a minute are seen. */
  public static final long OUTLOOK_BIN_MICROS = 10_000_000L;

  private final String scenario;
  private final ArrivalStream arrivals;
  private final SimulationConfig config;
  private final long seed;
  private final double targetAttainment;
  private final Consumer<String> log;
  private final Map<String, Object> memo = new HashMap<>();

  public PolicyContext(
      String scenario,
      ArrivalStream arrivals,
      SimulationConfig config,
      long seed,
      double targetAttainment,
      Consumer<String> log) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.arrivals = Objects.requireNonNull(arrivals, "arrivals");
    this.config = Objects.requireNonNull(config, "config");
    this.log = Objects.requireNonNull(log, "log");
    if (!(targetAttainment > 0 && targetAttainment <= 1)) {
      throw new IllegalArgumentException(
          "targetAttainment must be in (0, 1], got " + targetAttainment);
    }
    this.seed = seed;
    this.targetAttainment = targetAttainment;
  }

  public String scenario() {
    return scenario;
  }

  public ArrivalStream arrivals() {
    return arrivals;
  }

  public SimulationConfig config() {
    return config;
  }

  public long seed() {
    return seed;
  }

  public double targetAttainment() {
    return targetAttainment;
  }

  /** Writes a one-line progress note (sweeps say what they try). */
  public void log(String line) {
    log.accept(line);
  }

  /** The context of {@code scenario}'s runs. */
  public static PolicyContext of(Scenario scenario, double targetAttainment, Consumer<String> log) {
    return new PolicyContext(
        scenario.name(),
        scenario.arrivals(),
        scenario.config(),
        scenario.seed(),
        targetAttainment,
        log);
  }

  /** The value memoised under {@code key} for this context, computed once. */
  @SuppressWarnings("unchecked")
  public synchronized <T> T memo(String key, Supplier<T> compute) {
    Object v = memo.get(key);
    if (v == null) {
      v = compute.get();
      memo.put(key, v);
    }
    return (T) v;
  }

  /** The whole future load in {@value #OUTLOOK_BIN_MICROS} µs bins (one scan, memoised). */
  public LoadOutlook outlook() {
    return memo("outlook", () -> LoadOutlook.scan(arrivals, seed, OUTLOOK_BIN_MICROS));
  }

  /** Per-engine capacity as the simulated engines deliver it (profile × slowdown). */
  public OracleSizing sizing() {
    ProfileTables tables = memo("tables", () -> new ProfileTables(config.profile()));
    return new OracleSizing(
        tables,
        config.sla(),
        config.cluster().tokenBudgetFor(config.profile()),
        config.cluster().slowdown(),
        config.profile().engine().kvCapacityTokens());
  }

  /**
   * Warm engines every adaptive policy starts with: what the first minute and a start-up time of
   * load need at 70 % utilisation ({@link OracleSizing} over the outlook) — as if the deployment
   * had been serving this load before the trace began, so a comparison measures tracking, not a
   * cold start from 1P/1D.
   */
  public dev.tandem.simulations.policy.ReplicaTargets initialCounts() {
    return memo(
        "initial",
        () -> {
          long horizon = 60_000_000L + config.startupMicros();
          // Only the first minutes are needed: a 14-day scenario is not scanned for a warm start.
          LoadOutlook head =
              LoadOutlook.scan(arrivals, seed, OUTLOOK_BIN_MICROS, horizon + OUTLOOK_BIN_MICROS);
          return new dev.tandem.simulations.policy.oracle.OraclePolicy(
                  head, sizing(), config.startupMicros(), 60_000_000L, 0.7, 0.7)
              .initial();
        });
  }

  /**
   * A fixed split sized for the largest need of the load before {@code endMicros}, at the warm
   * start's 70 % utilisation ({@link OracleSizing} over the outlook): what a deployment ran before
   * an autoscaler took it over at {@code endMicros} (the {@code tandem-takeover} policy).
   */
  public dev.tandem.simulations.policy.ReplicaTargets peakCountsBefore(long endMicros) {
    return new dev.tandem.simulations.policy.oracle.OraclePolicy(
            outlook(), sizing(), config.startupMicros(), 60_000_000L, 0.7, 0.7)
        .needBetween(0, Math.max(1, endMicros));
  }

  /**
   * The HPA's decode KV-usage target derived from the load: 0.9 × n*·C̄ / KV capacity, the KV usage
   * of a decode engine running the largest batch that meets the ITL target at the mean context C̄ =
   * E[ISL] + E[OSL]/2 (10 % below it, as an operator would set it).
   */
  public double hpaKvTarget() {
    LoadOutlook o = outlook();
    double context = o.meanInputTokens() + o.meanOutputTokens() / 2;
    if (Double.isNaN(context)) {
      return 0.15;
    }
    int n = sizing().decodeBatch(context);
    double usage = 0.9 * n * context / config.profile().engine().kvCapacityTokens();
    return Math.round(Math.min(0.9, Math.max(0.01, usage)) * 1000) / 1000.0;
  }
}

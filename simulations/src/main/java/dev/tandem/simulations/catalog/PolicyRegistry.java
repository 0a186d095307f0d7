package dev.tandem.simulations.catalog;

import dev.tandem.planner.TickReport;
import dev.tandem.simulations.compare.HpaTuning;
import dev.tandem.simulations.compare.OracleSearch;
import dev.tandem.simulations.compare.SlaOracle;
import dev.tandem.simulations.compare.StaticSplitSearch;
import dev.tandem.simulations.policy.NamedPolicy;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import dev.tandem.simulations.policy.dynamo.DynamoSettings;
import dev.tandem.simulations.policy.dynamo.DynamoSlaPolicy;
import dev.tandem.simulations.scenario.PolicyContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Policies by name, for {@code tandem simulate --policies a,b,...}. Each name maps to a factory
 * that builds a fresh policy for a scenario's {@link PolicyContext}; {@code static-<P>p<D>d} (e.g.
 * {@code static-2p2d}) is recognised as a pattern. Tandem's planner is registered the same way:
 * {@code registry.register("tandem", "...", ctx -> new TandemPolicy(...))}.
 */
public final class PolicyRegistry {

  /** Builds one fresh policy for a run. */
  @FunctionalInterface
  public interface Factory {
    ScalingPolicy create(PolicyContext ctx);
  }

  /** A registered name with its one-line description. */
  public record Entry(String name, String description, Factory factory) {}

  /** Longest scenario the SLA oracle's search is run on (its cost grows with the square). */
  public static final int SLA_ORACLE_MAX_HOURS =
      dev.tandem.simulations.compare.BaselineSweeps.SLA_ORACLE_MAX_HOURS;

  private static final Pattern STATIC = Pattern.compile("static-(\\d+)p(\\d+)d");
  private static final Pattern HPA = Pattern.compile("hpa-w([0-9.]+)-kv([0-9.]+)");
  private static final Pattern KEDA = Pattern.compile("keda-ttft([0-9.]+)ms-kv([0-9.]+)");

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Adds (or replaces) {@code name}. */
  public PolicyRegistry register(String name, String description, Factory factory) {
    entries.put(name, new Entry(name, description, factory));
    return this;
  }

  /** The registered names (and the static pattern), in registration order. */
  public List<Entry> entries() {
    List<Entry> all = new ArrayList<>();
    all.add(
        new Entry(
            "static-<P>p<D>d", "fixed P prefill and D decode engines, e.g. static-2p2d", null));
    all.add(
        new Entry(
            "hpa-w<W>-kv<F>",
            "one HPA setting: W waiting requests per prefill engine, KV usage F per decode engine",
            null));
    all.add(
        new Entry(
            "keda-ttft<MS>ms-kv<F>",
            "one KEDA setting: prefill on the TTFT percentile (Value target MS), decode KV usage F",
            null));
    all.addAll(entries.values());
    return all;
  }

  public boolean knows(String name) {
    return entries.containsKey(name)
        || STATIC.matcher(name).matches()
        || HPA.matcher(name).matches()
        || KEDA.matcher(name).matches();
  }

  /** A fresh policy named {@code name} for {@code ctx}. */
  public ScalingPolicy create(String name, PolicyContext ctx) {
    Matcher m = STATIC.matcher(name);
    if (m.matches()) {
      return new StaticSplitPolicy(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    Matcher h = HPA.matcher(name);
    if (h.matches()) {
      return new HpaTuning.HpaSetting(
              false, Double.parseDouble(h.group(1)), Double.parseDouble(h.group(2)))
          .policy(ctx);
    }
    Matcher k = KEDA.matcher(name);
    if (k.matches()) {
      return new HpaTuning.HpaSetting(
              true, Double.parseDouble(k.group(1)), Double.parseDouble(k.group(2)))
          .policy(ctx);
    }
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "unknown policy '"
              + name
              + "'; known: "
              + String.join(", ", entries().stream().map(Entry::name).toList()));
    }
    return e.factory().create(ctx);
  }

  /**
   * The simulator's own policies: {@code dynamo-sla}, {@code hpa}, {@code best-static}, {@code
   * oracle}, and {@code tandem}: the real planner behind the simulated ports.
   */
  public static PolicyRegistry standard() {
    return standard(report -> {});
  }

  /**
   * {@link #standard()} with every tick report of the {@code tandem} policy (its plans with their
   * reasons, and any failures) handed to {@code tandemTicks}: what {@code tandem simulate
   * --explain} writes out.
   */
  public static PolicyRegistry standard(Consumer<TickReport> tandemTicks) {
    return new PolicyRegistry()
        .register(
            "tandem",
            "Tandem: the production ControlLoop and planner, forecasting-module selector, policy"
                + " defaults (prefill 30 s / decode 60 s), warm-started",
            ctx ->
                dev.tandem.simulations.tandem.TandemPolicy.forScenario(
                        ctx.config(), tandemSettings(ctx), ctx.initialCounts())
                    .onTick(tandemTicks))
        .register(
            "tandem-takeover",
            "Tandem taking over at the end of --warm-up: the deployment runs a fixed split sized"
                + " for the warm-up's peak (70 % utilisation) until then, and Tandem's first"
                + " decision comes with its forecast warmed from the hour before"
                + " (tandem.forecast-backfill); without --warm-up, tandem",
            ctx -> {
              long takeOver = ctx.config().measureFromMicros();
              return new NamedPolicy(
                  "tandem-takeover",
                  dev.tandem.simulations.tandem.TandemPolicy.forScenario(
                          ctx.config(),
                          tandemSettings(ctx),
                          takeOver > 0 ? ctx.peakCountsBefore(takeOver) : ctx.initialCounts())
                      .takingOverAt(takeOver));
            })
        .register(
            "dynamo-sla",
            "NVIDIA Dynamo SLA planner (1st gen) as benchmarked: T = 60 s, no correction, auto-ARIMA"
                + " over 50 values, min 1, from 1P/1D, the scenario's GPU budget (8 on its sinusoid)",
            ctx -> new DynamoSlaPolicy(ctx.config().profile(), dynamoBenchmarked(ctx)))
        .register(
            "dynamo-sla-t180",
            "the same planner as ported before: T = 180 s, corrections on, ARIMA over 100 values,"
                + " warm-started, no budget of its own",
            ctx ->
                new DynamoSlaPolicy("dynamo-sla-t180", ctx.config().profile(), dynamoDefaults(ctx)))
        .register(
            "hpa",
            "HPA (best tuned): Kubernetes HPA per role, the best of waiting requests per prefill"
                + " engine 2-32, KEDA Prometheus TTFT-percentile targets and decode KV usage"
                + " 0.5-0.95 (searched, under the scenario's maxReplicas and GPU budget)",
            ctx -> {
              HpaTuning.Result r = HpaTuning.find(ctx);
              return new NamedPolicy(
                  "hpa-best-" + r.best().summary().policy(), r.best().setting().policy(ctx));
            })
        .register(
            "best-static",
            "cheapest fixed split reaching the target SLA attainment (searched)",
            ctx -> {
              StaticSplitSearch.Result r = StaticSplitSearch.find(ctx);
              return new NamedPolicy(
                  "best-static-" + r.label(), new StaticSplitPolicy(r.prefill(), r.decode()));
            })
        .register(
            "oracle",
            "hindsight SLA oracle: the cheapest per-minute schedule, searched in the simulator,"
                + " meeting the SLA in every window a generous schedule meets; engines one"
                + " start-up ahead (scenarios up to "
                + SLA_ORACLE_MAX_HOURS
                + " h)",
            ctx -> {
              long hours = ctx.config().horizonMicros() / 3_600_000_000L;
              if (hours > SLA_ORACLE_MAX_HOURS) {
                throw new IllegalArgumentException(
                    "the SLA oracle searches scenarios up to "
                        + SLA_ORACLE_MAX_HOURS
                        + " h (this one is "
                        + hours
                        + " h): pass --duration, or use oracle-util");
              }
              return SlaOracle.find(ctx).policy(ctx);
            })
        .register(
            "oracle-util",
            "utilisation-following clairvoyant counts one start-up ahead (the earlier oracle),"
                + " cheapest ρ reaching the target",
            ctx -> {
              OracleSearch.Result r = OracleSearch.find(ctx);
              return new NamedPolicy(
                  String.format(Locale.ROOT, "oracle-util-u%.2f", r.utilisation()),
                  OracleSearch.policy(ctx, r.utilisation()));
            });
  }

  /**
   * The reference planner as its benchmark ran it ({@link DynamoSettings#benchmarked}), for this
   * scenario's SLA, with the scenario's GPU budget (every policy gets the same; the benchmark's 8
   * GPUs on {@code dynamo-sinusoid}).
   */
  public static DynamoSettings dynamoBenchmarked(PolicyContext ctx) {
    return DynamoSettings.benchmarked(
            ctx.config().sla().ttftTargetMillis(), ctx.config().sla().itlTargetMillis())
        .withBudget(ctx.config().cluster().limits().budgetGpus());
  }

  /** The port's earlier configuration (T = 180 s, corrections on), warm-started. */
  public static DynamoSettings dynamoDefaults(PolicyContext ctx) {
    ReplicaTargets warm = ctx.initialCounts();
    return DynamoSettings.defaults(
            ctx.config().sla().ttftTargetMillis(), ctx.config().sla().itlTargetMillis())
        .withInitial(warm.prefill(), warm.decode());
  }

  /** Tandem's settings in this scenario: its maxReplicas per role and GPU budget. */
  public static dev.tandem.simulations.tandem.TandemSettings tandemSettings(PolicyContext ctx) {
    var limits = ctx.config().cluster().limits();
    return dev.tandem.simulations.tandem.TandemSettings.defaults()
        .withMaxReplicas(limits.maxReplicas())
        .withBudget(limits.budgetGpus());
  }
}

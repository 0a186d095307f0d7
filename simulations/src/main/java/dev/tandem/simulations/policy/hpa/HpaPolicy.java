package dev.tandem.simulations.policy.hpa;

import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.EngineGauges;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import java.util.Locale;

/**
 * A Kubernetes HPA per role with the default behaviour (15 s sync, tolerance 0.1, scale-up max(4
 * pods, 100 %) per 15 s, scale-down stabilisation 300 s and 100 % per 15 s), in the two forms teams
 * deploy:
 *
 * <ul>
 *   <li>{@link #waiting}: prefill on a Pods metric, waiting requests per engine (vLLM {@code
 *       num_requests_waiting}), AverageValue target {@code w};
 *   <li>{@link #kedaTtft}: prefill through KEDA's Prometheus scaler with {@code metricType: Value}
 *       on the TTFT percentile of the last minute ({@code histogram_quantile(q,
 *       rate(…ttft…[1m]))}), target in ms: replicas follow the ratio of observed to target latency;
 * </ul>
 *
 * and decode on KV-cache usage per engine (vLLM {@code gpu_cache_usage_perc}, a fraction),
 * AverageValue target {@code decodeKvTarget}, in both. Metrics are the gauges of the last scrape in
 * view (through the Prometheus adapter); starting engines are the HPA's unready pods; ready engines
 * that had not reported at that scrape are its missing pods. Each role's HPA has the scenario's
 * {@code maxReplicas}.
 */
public final class HpaPolicy implements ScalingPolicy {

  private static final long SYNC = 15_000_000L;
  private static final long KEDA_WINDOW = 60_000_000L;

  private final String name;
  private final boolean ttftSignal;
  private final double ttftPercentile;
  private final int initialPrefill;
  private final int initialDecode;
  private final HpaController prefill;
  private final HpaController decode;

  private HpaPolicy(
      String name,
      boolean ttftSignal,
      double prefillTarget,
      double ttftPercentile,
      double decodeKvTarget,
      int minReplicas,
      int maxReplicas,
      int initialPrefill,
      int initialDecode) {
    this.name = name;
    this.ttftSignal = ttftSignal;
    this.ttftPercentile = ttftPercentile;
    this.initialPrefill = initialPrefill;
    this.initialDecode = initialDecode;
    this.prefill =
        new HpaController(
            prefillTarget,
            0.1,
            minReplicas,
            maxReplicas,
            HpaRules.defaultScaleUp(),
            HpaRules.defaultScaleDown());
    this.decode =
        new HpaController(
            decodeKvTarget,
            0.1,
            minReplicas,
            maxReplicas,
            HpaRules.defaultScaleUp(),
            HpaRules.defaultScaleDown());
  }

  /** Waiting requests per prefill engine and KV usage per decode engine (Pods metrics). */
  public HpaPolicy(
      double prefillWaitingTarget,
      double decodeKvTarget,
      int minReplicas,
      int maxReplicas,
      int initialPrefill,
      int initialDecode) {
    this(
        "hpa-w" + trim(prefillWaitingTarget) + "-kv" + trim(decodeKvTarget),
        false,
        prefillWaitingTarget,
        Double.NaN,
        decodeKvTarget,
        minReplicas,
        maxReplicas,
        initialPrefill,
        initialDecode);
  }

  /** {@link #HpaPolicy(double, double, int, int, int, int)} by name. */
  public static HpaPolicy waiting(
      double prefillWaitingTarget, double decodeKvTarget, int maxReplicas, int initP, int initD) {
    return new HpaPolicy(prefillWaitingTarget, decodeKvTarget, 1, maxReplicas, initP, initD);
  }

  /**
   * KEDA's Prometheus scaler on prefill: the p{@code percentile} TTFT of the last minute against
   * {@code ttftTargetMillis} (a Value target); decode on KV usage as in {@link #waiting}.
   */
  public static HpaPolicy kedaTtft(
      double ttftTargetMillis,
      double percentile,
      double decodeKvTarget,
      int maxReplicas,
      int initP,
      int initD) {
    return new HpaPolicy(
        "keda-ttft" + trim(ttftTargetMillis) + "ms-kv" + trim(decodeKvTarget),
        true,
        ttftTargetMillis,
        percentile,
        decodeKvTarget,
        1,
        maxReplicas,
        initP,
        initD);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long intervalMicros() {
    return SYNC;
  }

  @Override
  public long windowMicros() {
    return ttftSignal ? KEDA_WINDOW : SYNC;
  }

  @Override
  public ReplicaTargets initial() {
    return new ReplicaTargets(initialPrefill, initialDecode);
  }

  @Override
  public ReplicaTargets decide(ClusterObservation o) {
    EngineGauges g = o.gauges();
    long now = o.timeMicros();
    int p;
    if (ttftSignal) {
      // No first token in the window (no traffic, or no scrape yet) is no data: keep the count.
      double ttft =
          o.hasData() && o.window().ttft().count() > 0
              ? o.window().ttft().percentileMillis(ttftPercentile)
              : Double.NaN;
      p = prefill.syncValue(now, o.prefill().current(), o.prefill().ready(), ttft);
    } else {
      p =
          prefill.sync(
              now,
              o.prefill().current(),
              g.prefillReporting(),
              o.prefill().starting(),
              Math.max(0, o.prefill().ready() - g.prefillReporting()),
              g.prefillWaiting());
    }
    int d =
        decode.sync(
            now,
            o.decode().current(),
            g.decodeReporting(),
            o.decode().starting(),
            Math.max(0, o.decode().ready() - g.decodeReporting()),
            g.decodeKvUsageSum());
    return new ReplicaTargets(p, d);
  }
}

package dev.tandem.simulations.policy.hpa;

import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.EngineGauges;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;

/**
 * A Kubernetes HPA per role, each on a Pods metric with an AverageValue target, with the default
 * behaviour (15 s sync, tolerance 0.1, scale-up max(4 pods, 100 %) per 15 s, scale-down
 * stabilisation 300 s and 100 % per 15 s):
 *
 * <ul>
 *   <li>prefill: waiting requests per engine (vLLM {@code num_requests_waiting}), target {@code
 *       prefillWaitingTarget};
 *   <li>decode: KV-cache usage per engine (vLLM {@code gpu_cache_usage_perc}, a fraction), target
 *       {@code decodeKvTarget}.
 * </ul>
 *
 * Metrics are the gauges of the last scrape in view (through the Prometheus adapter); starting
 * engines are the HPA's unready pods; ready engines that had not reported at that scrape are its
 * missing pods.
 */
public final class HpaPolicy implements ScalingPolicy {

  private static final long SYNC = 15_000_000L;

  private final double prefillWaitingTarget;
  private final double decodeKvTarget;
  private final int initialPrefill;
  private final int initialDecode;
  private final HpaController prefill;
  private final HpaController decode;

  public HpaPolicy(
      double prefillWaitingTarget,
      double decodeKvTarget,
      int minReplicas,
      int maxReplicas,
      int initialPrefill,
      int initialDecode) {
    this.prefillWaitingTarget = prefillWaitingTarget;
    this.decodeKvTarget = decodeKvTarget;
    this.initialPrefill = initialPrefill;
    this.initialDecode = initialDecode;
    this.prefill =
        new HpaController(
            prefillWaitingTarget,
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

  @Override
  public String name() {
    return "hpa-w" + trim(prefillWaitingTarget) + "-kv" + trim(decodeKvTarget);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public long intervalMicros() {
    return SYNC;
  }

  @Override
  public long windowMicros() {
    return SYNC;
  }

  @Override
  public ReplicaTargets initial() {
    return new ReplicaTargets(initialPrefill, initialDecode);
  }

  @Override
  public ReplicaTargets decide(ClusterObservation o) {
    EngineGauges g = o.gauges();
    long now = o.timeMicros();
    int p =
        prefill.sync(
            now,
            o.prefill().current(),
            g.prefillReporting(),
            o.prefill().starting(),
            Math.max(0, o.prefill().ready() - g.prefillReporting()),
            g.prefillWaiting());
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

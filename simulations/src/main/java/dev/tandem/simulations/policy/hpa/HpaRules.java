package dev.tandem.simulations.policy.hpa;

import java.util.List;

/**
 * One direction of an HPA {@code behavior} ({@code autoscaling/v2 HPAScalingRules}).
 *
 * @param stabilizationMicros stabilisation window, µs
 * @param policies the rate policies
 * @param select which policy wins: {@link Select#MAX} (the most change, the default), {@link
 *     Select#MIN} or {@link Select#DISABLED}
 */
public record HpaRules(long stabilizationMicros, List<Policy> policies, Select select) {

  public HpaRules {
    policies = List.copyOf(policies);
  }

  /** {@code selectPolicy}. */
  public enum Select {
    MAX,
    MIN,
    DISABLED
  }

  /** {@code Pods} adds/removes a number of pods per period; {@code Percent} a share of them. */
  public enum Type {
    PODS,
    PERCENT
  }

  /** One rate policy: at most {@code value} pods (or percent) per {@code periodMicros}. */
  public record Policy(Type type, int value, long periodMicros) {}

  private static final long FIFTEEN_SECONDS = 15_000_000L;

  /** Kubernetes' default scale-up: no stabilisation; max(4 pods, 100 %) per 15 s. */
  public static HpaRules defaultScaleUp() {
    return new HpaRules(
        0,
        List.of(
            new Policy(Type.PODS, 4, FIFTEEN_SECONDS),
            new Policy(Type.PERCENT, 100, FIFTEEN_SECONDS)),
        Select.MAX);
  }

  /** Kubernetes' default scale-down: 300 s stabilisation; 100 % per 15 s. */
  public static HpaRules defaultScaleDown() {
    return new HpaRules(
        300_000_000L, List.of(new Policy(Type.PERCENT, 100, FIFTEEN_SECONDS)), Select.MAX);
  }
}

package dev.tandem.simulations.policy;

/**
 * Engine counts a scaling policy asks for (starting plus ready, draining excluded). The simulator
 * keeps at least one engine per role.
 */
public record ReplicaTargets(int prefill, int decode) {

  public ReplicaTargets {
    if (prefill < 0 || decode < 0) {
      throw new IllegalArgumentException(
          "replica targets must be >= 0, got " + prefill + " prefill and " + decode + " decode");
    }
  }
}

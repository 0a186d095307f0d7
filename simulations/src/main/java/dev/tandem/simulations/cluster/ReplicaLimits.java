package dev.tandem.simulations.cluster;

/**
 * The limits of the scenario's SLA policy, imposed on every policy alike, as a Kubernetes cluster
 * would impose them: each role's scaler has {@code maxReplicas}, and a GPU quota (a ResourceQuota
 * on {@code nvidia.com/gpu}) admits engines only while the deployment's GPUs stay within {@code
 * budgetGpus}. A baseline that asks for more does not get it, so no policy wins or loses by running
 * outside the budget Tandem is held to.
 *
 * @param maxReplicas most engines per role (≥ 1)
 * @param budgetGpus most GPUs over both roles (≥ 2 engines' worth is checked by {@link #clamp})
 */
public record ReplicaLimits(int maxReplicas, int budgetGpus) {

  /** What the simulator imposed before limits were shared: nothing binds in any scenario. */
  public static final ReplicaLimits UNBOUNDED = new ReplicaLimits(256, 1024);

  public ReplicaLimits {
    if (maxReplicas < 1) {
      throw new IllegalArgumentException("maxReplicas must be >= 1, got " + maxReplicas);
    }
    if (budgetGpus < 2) {
      throw new IllegalArgumentException("budgetGpus must be >= 2, got " + budgetGpus);
    }
  }

  /** Engines of {@code gpusPerEngine} GPUs the budget holds over both roles. */
  public int engines(int gpusPerEngine) {
    return budgetGpus / gpusPerEngine;
  }

  /**
   * The counts the cluster grants for a request of {@code wantPrefill}/{@code wantDecode} engines
   * when {@code currentPrefill}/{@code currentDecode} exist: each role clamped to [1, maxReplicas];
   * decreases are always granted; increases are admitted one engine at a time, prefill and decode
   * in turn, while the quota has room (pods beyond it would stay pending). Draining engines still
   * hold their GPUs, so they take room from increases until they are gone. Deterministic.
   *
   * @return {prefill, decode}
   */
  public int[] clamp(
      int wantPrefill,
      int wantDecode,
      int currentPrefill,
      int currentDecode,
      int drainingEngines,
      int gpusPerEngine) {
    int p = Math.max(1, Math.min(maxReplicas, wantPrefill));
    int d = Math.max(1, Math.min(maxReplicas, wantDecode));
    int cap = engines(gpusPerEngine);
    if (p + d <= cap) {
      return new int[] {p, d};
    }
    int grantedP = Math.max(1, Math.min(p, currentPrefill));
    int grantedD = Math.max(1, Math.min(d, currentDecode));
    // Already over (e.g. a warm start above the quota): shrink the larger role first.
    while (grantedP + grantedD > cap && (grantedP > 1 || grantedD > 1)) {
      if (grantedP >= grantedD) {
        grantedP--;
      } else {
        grantedD--;
      }
    }
    boolean prefillTurn = true;
    while (grantedP + grantedD + drainingEngines < cap && (grantedP < p || grantedD < d)) {
      if (prefillTurn && grantedP < p) {
        grantedP++;
      } else if (grantedD < d) {
        grantedD++;
      } else {
        grantedP++;
      }
      prefillTurn = !prefillTurn;
    }
    return new int[] {grantedP, grantedD};
  }
}

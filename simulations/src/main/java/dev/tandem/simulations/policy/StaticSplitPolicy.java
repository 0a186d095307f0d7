package dev.tandem.simulations.policy;

/**
 * A fixed split: {@code P} prefill and {@code D} decode engines for the whole run, never changed
 * ({@code decide} returns the same counts). GPU cost = (P + D) × gpusPerEngine × run length.
 */
public final class StaticSplitPolicy implements ScalingPolicy {

  private static final long ONE_MINUTE = 60_000_000L;

  private final ReplicaTargets split;

  public StaticSplitPolicy(int prefill, int decode) {
    if (prefill < 1 || decode < 1) {
      throw new IllegalArgumentException(
          "a static split needs >= 1 engine per role, got " + prefill + "P/" + decode + "D");
    }
    this.split = new ReplicaTargets(prefill, decode);
  }

  @Override
  public String name() {
    return name(split.prefill(), split.decode());
  }

  /** The name of the split of {@code prefill} and {@code decode} engines: {@code static-3p2d}. */
  public static String name(int prefill, int decode) {
    return "static-" + prefill + "p" + decode + "d";
  }

  @Override
  public long intervalMicros() {
    return ONE_MINUTE;
  }

  @Override
  public long windowMicros() {
    return ONE_MINUTE;
  }

  @Override
  public ReplicaTargets initial() {
    return split;
  }

  @Override
  public ReplicaTargets decide(ClusterObservation observation) {
    return split;
  }
}

package dev.tandem.simulations.cluster;

/**
 * Where arriving requests wait for a prefill engine.
 *
 * <ul>
 *   <li>{@link #LEAST_LOADED}: a queue per engine; the router picks, at arrival, the ready engine
 *       with the fewest outstanding prompt tokens (vLLM behind a load-aware router);
 *   <li>{@link #ROUND_ROBIN}: a queue per engine; the router hands arrivals to the ready engines in
 *       turn, whatever their backlog (the reference deployment's frontend routes requests to
 *       prefill workers round-robin);
 *   <li>{@link #SHARED}: one cluster-wide FIFO that idle ready engines pull batches from (Dynamo's
 *       disaggregated prefill workers pulling from a shared queue).
 * </ul>
 */
public enum PrefillQueue {
  LEAST_LOADED("per-engine"),
  ROUND_ROBIN("round-robin"),
  SHARED("shared");

  private final String cliName;

  PrefillQueue(String cliName) {
    this.cliName = cliName;
  }

  /** The name {@code tandem simulate --prefill-queue} takes. */
  public String cliName() {
    return cliName;
  }

  /** The value named {@code name} ({@link #cliName()}), or empty. */
  public static java.util.Optional<PrefillQueue> parse(String name) {
    for (PrefillQueue q : values()) {
      if (q.cliName.equals(name)) {
        return java.util.Optional.of(q);
      }
    }
    return java.util.Optional.empty();
  }
}

package dev.tandem.simulations.policy;

/**
 * One role's engines by state at the moment of a decision, as the Kubernetes API would report them
 * (not delayed). {@link #current()} is the replica count of the scale subresource.
 */
public record ReplicaCounts(int ready, int starting, int draining) {

  /** Ready plus starting: what a scale-to-N applies to. */
  public int current() {
    return ready + starting;
  }
}

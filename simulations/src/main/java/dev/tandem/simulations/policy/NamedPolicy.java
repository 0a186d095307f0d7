package dev.tandem.simulations.policy;

/**
 * A policy under another name in reports (e.g. the static split a search picked shown as {@code
 * best-static-3p2d}); every decision is the delegate's.
 */
public record NamedPolicy(String name, ScalingPolicy delegate) implements ScalingPolicy {

  @Override
  public long intervalMicros() {
    return delegate.intervalMicros();
  }

  @Override
  public long windowMicros() {
    return delegate.windowMicros();
  }

  @Override
  public ReplicaTargets initial() {
    return delegate.initial();
  }

  @Override
  public ReplicaTargets decide(ClusterObservation observation) {
    return delegate.decide(observation);
  }
}

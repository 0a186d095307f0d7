package dev.tandem.service.cluster;

/**
 * Whether this replica of the service may act. With several replicas only one ticks: the holder of
 * a Lease (the Kubernetes adapter's implementation). The loop asks {@link #isLeader()} before each
 * tick; readiness waits for {@link #joined()}.
 */
public interface LeaderElection {

  /** Starts campaigning (non-blocking); called once when the service starts. */
  void start();

  /** Stops campaigning and releases the lease if held; called once at shutdown. */
  void stop();

  /** True while this replica holds the lease. */
  boolean isLeader();

  /**
   * True once the election has been joined (the lease was read at least once, whether or not it is
   * held): the replica is then ready to serve reads.
   */
  boolean joined();

  /** No election: a single replica that always leads (the default and embedded mode). */
  static LeaderElection alone() {
    return new LeaderElection() {
      @Override
      public void start() {}

      @Override
      public void stop() {}

      @Override
      public boolean isLeader() {
        return true;
      }

      @Override
      public boolean joined() {
        return true;
      }
    };
  }
}

package dev.tandem.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Leader election over a {@code coordination.k8s.io/v1} Lease with fabric8's {@link LeaderElector}:
 * of several replicas of Tandem exactly one holds the lease and writes ({@link KubernetesActuator}
 * asks {@link #isLeader()} before every plan); when the leader dies, another takes the lease once
 * it expires (within {@link Settings#leaseDuration()}).
 */
public final class LeaderElection implements AutoCloseable {

  /**
   * @param namespace the Lease's namespace (Tandem's own)
   * @param leaseName e.g. {@code tandem-leader}
   * @param identity this replica's identity, e.g. the pod name
   * @param leaseDuration how long a lease lasts without renewal (Kubernetes default 15s)
   * @param renewDeadline how long the leader keeps trying to renew before giving up (10s)
   * @param retryPeriod how often candidates try (2s)
   */
  public record Settings(
      String namespace,
      String leaseName,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {

    public static Settings defaults(String namespace, String identity) {
      return new Settings(
          namespace,
          "tandem-leader",
          identity,
          Duration.ofSeconds(15),
          Duration.ofSeconds(10),
          Duration.ofSeconds(2));
    }
  }

  private final AtomicBoolean leader = new AtomicBoolean();
  private final AtomicBoolean joined = new AtomicBoolean();
  private final LeaderElector elector;
  private volatile CompletableFuture<?> running;

  public LeaderElection(KubernetesClient client, Settings settings, Executor executor) {
    LeaderElectionConfig config =
        new LeaderElectionConfigBuilder()
            .withName(settings.leaseName())
            .withLock(
                new LeaseLock(settings.namespace(), settings.leaseName(), settings.identity()))
            .withLeaseDuration(settings.leaseDuration())
            .withRenewDeadline(settings.renewDeadline())
            .withRetryPeriod(settings.retryPeriod())
            .withReleaseOnCancel()
            .withLeaderCallbacks(
                new LeaderCallbacks(
                    () -> {
                      joined.set(true);
                      leader.set(true);
                    },
                    () -> leader.set(false),
                    newLeader -> joined.set(true)))
            .build();
    this.elector = new LeaderElector(client, config, executor);
  }

  /** Starts campaigning (and renewing while leading) in the background. */
  public synchronized void start() {
    if (running == null) {
      running = elector.start();
    }
  }

  public boolean isLeader() {
    return leader.get();
  }

  /**
   * True once a leader has been seen (this replica or another): the election is joined and a
   * follower may report ready.
   */
  public boolean joined() {
    return joined.get();
  }

  /** Stops campaigning and releases the lease if held, so another replica takes over at once. */
  @Override
  public synchronized void close() {
    if (running != null) {
      running.cancel(true);
      running = null;
    }
    leader.set(false);
  }
}

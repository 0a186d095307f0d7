package dev.tandem.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of Tandem campaign for one Lease on the CRUD mock: exactly one leads; when it dies
 * (its client gone, no release), the other takes the lease once it expires.
 */
class LeaderElectionTest {

  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration RETRY = Duration.ofMillis(200);

  private final KubernetesMockServer server = new MockCluster().server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executor.shutdownNow();
    server.destroy();
  }

  private LeaderElection elector(KubernetesClient client, String identity) {
    return new LeaderElection(
        client,
        new LeaderElection.Settings(
            "tandem-system", "tandem-leader", identity, LEASE, Duration.ofMillis(1500), RETRY),
        executor);
  }

  @Test
  void exactlyOneLeadsAndTheOtherTakesOverWhenTheLeaderDies() throws Exception {
    KubernetesClient clientA = server.createClient();
    KubernetesClient clientB = server.createClient();
    LeaderElection a = elector(clientA, "tandem-a");
    LeaderElection b = elector(clientB, "tandem-b");
    a.start();
    awaitTrue(a::isLeader, Duration.ofSeconds(5));
    b.start();

    // b campaigns for several retry periods and never leads while a renews
    for (int i = 0; i < 10; i++) {
      Thread.sleep(RETRY.toMillis());
      assertThat(a.isLeader() && !b.isLeader()).as("exactly one leader").isTrue();
    }
    Lease lease = clientB.leases().inNamespace("tandem-system").withName("tandem-leader").get();
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("tandem-a");

    // a dies: no more renewals, no release
    clientA.close();
    long died = System.nanoTime();
    awaitTrue(b::isLeader, LEASE.plus(Duration.ofSeconds(5)));
    Duration takeOver = Duration.ofNanos(System.nanoTime() - died);

    assertThat(takeOver).isLessThanOrEqualTo(LEASE.plus(RETRY).plus(Duration.ofSeconds(2)));
    assertThat(
            clientB
                .leases()
                .inNamespace("tandem-system")
                .withName("tandem-leader")
                .get()
                .getSpec()
                .getHolderIdentity())
        .isEqualTo("tandem-b");
    b.close();
    clientB.close();
  }

  @Test
  void aReplicaThatIsNotLeaderWritesNothingThroughTheActuator() {
    KubernetesClient client = server.createClient();
    LeaderElection follower = elector(client, "tandem-c");
    KubernetesActuator actuator =
        new KubernetesActuator(client, ActuatorSettings.defaults(), follower::isLeader);

    ActuationReport report =
        actuator.applyAndReport(
            Plans.plan(
                Plans.change(
                    dev.tandem.config.policy.Role.PREFILL,
                    Fixtures.target("grove.io/v1alpha1", "PodClique", "llama-0-prefill"),
                    1,
                    2)));

    assertThat(report.results())
        .extracting(WriteResult::outcome)
        .containsExactly(Outcome.NOT_LEADER);
    client.close();
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(20);
    }
  }
}

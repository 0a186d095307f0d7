package dev.tandem.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.state.ReplicaState;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Grove PodClique on the CRUD mock server with the real CRD: read, write, Event, schema. */
class PodCliqueCrudTest {

  private final MockCluster cluster = new MockCluster();
  private final KubernetesActuator actuator =
      new KubernetesActuator(cluster.client, ActuatorSettings.defaults());
  private final KubernetesReplicaStateReader reader =
      new KubernetesReplicaStateReader(cluster.client, ActuatorSettings.defaults());

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void readsAndScalesAPodCliqueThroughItsScaleSubresource() {
    cluster.create(Fixtures.podClique("llama-0-prefill", 2, 1, 1));
    var target = Fixtures.target("grove.io/v1alpha1", "PodClique", "llama-0-prefill");

    ReplicaState state = reader.read(target, Plans.AT);
    ActuationReport report =
        actuator.applyAndReport(Plans.plan(Plans.change(Role.PREFILL, target, 2, 4)));

    assertThat(state).isEqualTo(new ReplicaState(2, 1, 1, 0, 0));
    assertThat(report.results()).extracting(WriteResult::outcome).containsExactly(Outcome.WRITTEN);
    var stored = cluster.get("grove.io/v1alpha1", "PodClique", Fixtures.NS, "llama-0-prefill");
    assertThat(((java.util.Map<?, ?>) stored.getAdditionalProperties().get("spec")).get("replicas"))
        .isEqualTo(4);
    MockCluster.assertValid(stored);
    List<Event> events = cluster.client.v1().events().inNamespace(Fixtures.NS).list().getItems();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getInvolvedObject().getKind()).isEqualTo("PodClique");
    assertThat(events.get(0).getReason()).isEqualTo("TandemScaled");
    assertThat(events.get(0).getMessage())
        .isEqualTo("Tandem scaled prefill 2 -> 4: " + Plans.reason(Role.PREFILL));
  }
}

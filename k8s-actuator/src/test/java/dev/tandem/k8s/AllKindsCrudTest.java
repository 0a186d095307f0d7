package dev.tandem.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.ScaleTarget;
import dev.tandem.k8s.targets.Kinds;
import dev.tandem.planner.state.ReplicaState;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every target kind of the table on the CRUD mock with the real CRDs: the state read from
 * the kind's readiness fields, the write through the kind's path, the Event, and the object left
 * behind valid against its CRD's schema.
 */
class AllKindsCrudTest {

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
  void podCliqueScalingGroupReadsAvailableReplicasAndScalesWholeGroups() {
    cluster.create(Fixtures.scalingGroup("llama-0-decode", 3, 2, 1));
    ScaleTarget target =
        Fixtures.target("grove.io/v1alpha1", "PodCliqueScalingGroup", "llama-0-decode");

    assertThat(reader.read(target, Plans.AT)).isEqualTo(new ReplicaState(3, 2, 1, 0, 0));
    assertWritten(Role.DECODE, target, 3, 5, "llama-0-decode");
  }

  @Test
  void leaderWorkerSetScalesGroups() {
    cluster.create(Fixtures.leaderWorkerSet("llama-decode", 2, 2));
    ScaleTarget target =
        Fixtures.target("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", "llama-decode");

    assertThat(reader.read(target, Plans.AT)).isEqualTo(ReplicaState.steady(2));
    assertWritten(Role.DECODE, target, 2, 1, "llama-decode");
  }

  @Test
  void roleScalerReadsReadinessFromItsDisaggregatedSet() {
    cluster.create(Fixtures.disaggregatedSet("llama", 1));
    cluster.create(Fixtures.roleScaler("llama", "prefill", 2));
    ScaleTarget target =
        Fixtures.target(
            "disaggregatedset.x-k8s.io/v1", "DisaggregatedSetRoleScaler", "llama-prefill");

    assertThat(reader.read(target, Plans.AT)).isEqualTo(new ReplicaState(2, 1, 1, 0, 0));
    assertWritten(Role.PREFILL, target, 2, 3, "llama-prefill");
  }

  @Test
  void scalingAdapterReadsTheGraphServiceStatusNotItsOwnEcho() {
    cluster.create(Fixtures.graphDeployment("llama", "VllmDecodeWorker", 3, true));
    cluster.create(Fixtures.scalingAdapter("llama", "VllmDecodeWorker", 3));
    ScaleTarget target =
        Fixtures.target(
            "nvidia.com/v1alpha1", "DynamoGraphDeploymentScalingAdapter", "llama-vllmdecodeworker");

    // the adapter's status.replicas says 3; the graph says 2 of 3 ready
    assertThat(reader.read(target, Plans.AT)).isEqualTo(new ReplicaState(3, 2, 1, 0, 0));
    assertWritten(Role.DECODE, target, 3, 4, "llama-vllmdecodeworker");
  }

  @Test
  void graphDeploymentWithoutAdapterIsMergePatchedPerService() {
    cluster.create(Fixtures.graphDeployment("llama", "VllmPrefillWorker", 2, false));
    ScaleTarget target =
        new ScaleTarget(
            "nvidia.com/v1alpha1",
            "DynamoGraphDeployment",
            "llama",
            Fixtures.NS,
            Optional.of("VllmPrefillWorker"));

    assertThat(reader.read(target, Plans.AT)).isEqualTo(new ReplicaState(2, 1, 1, 0, 0));
    ActuationReport report =
        actuator.applyAndReport(Plans.plan(Plans.change(Role.PREFILL, target, 2, 3)));

    assertThat(report.results()).extracting(WriteResult::outcome).containsExactly(Outcome.WRITTEN);
    GenericKubernetesResource stored =
        cluster.get("nvidia.com/v1alpha1", "DynamoGraphDeployment", Fixtures.NS, "llama");
    Map<?, ?> services = (Map<?, ?>) ((Map<?, ?>) stored.get("spec")).get("services");
    assertThat(((Map<?, ?>) services.get("VllmPrefillWorker")).get("replicas")).isEqualTo(3);
    assertThat(((Map<?, ?>) services.get("Frontend")).get("replicas")).isEqualTo(1);
    MockCluster.assertValid(stored);
    assertThat(events()).extracting(Event::getReason).containsExactly("TandemScaled");
  }

  @Test
  void graphServiceWithAdapterIsRefusedAndPointsAtTheAdapter() {
    cluster.create(Fixtures.graphDeployment("llama", "VllmPrefillWorker", 2, true));
    ScaleTarget target =
        new ScaleTarget(
            "nvidia.com/v1alpha1",
            "DynamoGraphDeployment",
            "llama",
            Fixtures.NS,
            Optional.of("VllmPrefillWorker"));

    ActuationReport report =
        actuator.applyAndReport(Plans.plan(Plans.change(Role.PREFILL, target, 2, 3)));

    assertThat(report.results().get(0).outcome()).isEqualTo(Outcome.REFUSED_ADAPTER_ENABLED);
    assertThat(report.results().get(0).message())
        .contains("target DynamoGraphDeploymentScalingAdapter llama-vllmprefillworker");
  }

  @Test
  void deploymentAndStatefulSetUseTheirScaleSubresource() {
    cluster.create(Fixtures.deployment("Deployment", "llama-router", 2, 2));
    cluster.create(Fixtures.deployment("StatefulSet", "llama-cache", 1, 1));
    ScaleTarget deployment = Fixtures.target("apps/v1", "Deployment", "llama-router");
    ScaleTarget statefulSet = Fixtures.target("apps/v1", "StatefulSet", "llama-cache");

    assertThat(reader.read(deployment, Plans.AT)).isEqualTo(ReplicaState.steady(2));
    assertThat(reader.read(statefulSet, Plans.AT)).isEqualTo(ReplicaState.steady(1));
    ActuationReport report =
        actuator.applyAndReport(
            Plans.plan(
                Plans.change(Role.PREFILL, deployment, 2, 3),
                Plans.change(Role.DECODE, statefulSet, 1, 2)));

    assertThat(report.results())
        .extracting(WriteResult::outcome)
        .containsExactly(Outcome.WRITTEN, Outcome.WRITTEN);
    assertThat(
            cluster
                .client
                .apps()
                .deployments()
                .inNamespace(Fixtures.NS)
                .withName("llama-router")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
    assertThat(
            cluster
                .client
                .apps()
                .statefulSets()
                .inNamespace(Fixtures.NS)
                .withName("llama-cache")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
  }

  @Test
  void podCliqueSetTargetsResolveGeneratedNamesOverEveryReplicaOfTheSet() {
    cluster.create(Fixtures.podCliqueSet("llama", 2));
    cluster.create(Fixtures.podClique("llama-0-prefill", 2, 2, 1));
    cluster.create(Fixtures.podClique("llama-1-prefill", 2, 1, 1));
    cluster.create(Fixtures.scalingGroup("llama-0-decode", 1, 1, 1));
    cluster.create(Fixtures.scalingGroup("llama-1-decode", 1, 1, 1));
    ScaleTarget prefill =
        new ScaleTarget(
            "grove.io/v1alpha1",
            "PodCliqueSet",
            "llama",
            Fixtures.NS,
            Optional.empty(),
            Optional.of("prefill"),
            Optional.empty());
    ScaleTarget decode =
        new ScaleTarget(
            "grove.io/v1alpha1",
            "PodCliqueSet",
            "llama",
            Fixtures.NS,
            Optional.empty(),
            Optional.empty(),
            Optional.of("decode"));

    assertThat(reader.read(prefill, Plans.AT)).isEqualTo(new ReplicaState(4, 3, 1, 0, 0));
    assertThat(reader.read(decode, Plans.AT)).isEqualTo(ReplicaState.steady(2));
    ActuationReport report =
        actuator.applyAndReport(
            Plans.plan(
                Plans.change(Role.PREFILL, prefill, 4, 5),
                Plans.change(Role.DECODE, decode, 2, 3)));

    assertThat(report.results())
        .extracting(r -> r.object() + "=" + r.written())
        .containsExactly(
            "PodClique inference/llama-0-prefill=3",
            "PodClique inference/llama-1-prefill=2",
            "PodCliqueScalingGroup inference/llama-0-decode=2",
            "PodCliqueScalingGroup inference/llama-1-decode=1");
    assertThat(report.results())
        .extracting(WriteResult::outcome)
        .containsExactly(Outcome.WRITTEN, Outcome.UNCHANGED, Outcome.WRITTEN, Outcome.UNCHANGED);
    assertThat(replicas(Kinds.POD_CLIQUE, "llama-0-prefill")).isEqualTo(3);
    assertThat(replicas(Kinds.POD_CLIQUE_SCALING_GROUP, "llama-0-decode")).isEqualTo(2);
  }

  private void assertWritten(Role role, ScaleTarget target, int from, int to, String name) {
    ActuationReport report =
        actuator.applyAndReport(Plans.plan(Plans.change(role, target, from, to)));

    assertThat(report.results()).extracting(WriteResult::outcome).containsExactly(Outcome.WRITTEN);
    GenericKubernetesResource stored =
        cluster.get(target.apiVersion(), target.kind(), Fixtures.NS, name);
    assertThat(((Map<?, ?>) stored.get("spec")).get("replicas")).isEqualTo(to);
    MockCluster.assertValid(stored);
    List<Event> events = events();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getInvolvedObject().getName()).isEqualTo(name);
    assertThat(events.get(0).getInvolvedObject().getKind()).isEqualTo(target.kind());
    assertThat(events.get(0).getMessage())
        .isEqualTo(
            "Tandem scaled "
                + role.yamlName()
                + " "
                + from
                + " -> "
                + to
                + ": "
                + Plans.reason(role));
  }

  private int replicas(
      io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext kind, String name) {
    GenericKubernetesResource o =
        cluster
            .client
            .genericKubernetesResources(kind)
            .inNamespace(Fixtures.NS)
            .withName(name)
            .get();
    return (Integer) ((Map<?, ?>) o.get("spec")).get("replicas");
  }

  private List<Event> events() {
    return cluster.client.v1().events().inNamespace(Fixtures.NS).list().getItems();
  }
}

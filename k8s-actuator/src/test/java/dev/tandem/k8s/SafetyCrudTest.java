package dev.tandem.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.ScaleTarget;
import dev.tandem.k8s.targets.Kinds;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The safety rules, each on the CRUD mock with the real CRDs. */
class SafetyCrudTest {

  private static final ScaleTarget PREFILL =
      Fixtures.target("grove.io/v1alpha1", "PodClique", "llama-0-prefill");
  private static final ScaleTarget DECODE =
      Fixtures.target("grove.io/v1alpha1", "PodCliqueScalingGroup", "llama-0-decode");

  private final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  private KubernetesActuator actuator(ActuatorSettings settings) {
    return new KubernetesActuator(cluster.client, settings);
  }

  private ActuationReport apply(ActuatorSettings settings, dev.tandem.planner.ReplicaChange... c) {
    return actuator(settings).applyAndReport(Plans.plan(c));
  }

  @Test
  void neverWritesBelowAGroveCliquesMinAvailable() {
    cluster.create(Fixtures.podClique("llama-0-prefill", 4, 4, 3));

    ActuationReport report =
        apply(ActuatorSettings.defaults(), Plans.change(Role.PREFILL, PREFILL, 4, 1));

    WriteResult result = report.results().get(0);
    assertThat(result.outcome()).isEqualTo(Outcome.WRITTEN);
    assertThat(result.written()).isEqualTo(3);
    assertThat(result.message()).contains("clamped from 1 to minAvailable 3");
    assertThat(specReplicas(Kinds.POD_CLIQUE, "llama-0-prefill")).isEqualTo(3);
  }

  @Test
  void aClampThatLeavesTheCountAsItIsWritesNothing() {
    cluster.create(Fixtures.scalingGroup("llama-0-decode", 2, 2, 2));

    ActuationReport report =
        apply(ActuatorSettings.defaults(), Plans.change(Role.DECODE, DECODE, 2, 1));

    assertThat(report.results().get(0).outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(events()).isEmpty();
  }

  @Test
  void groveObjectsOwnedByADynamoGraphAreRefusedWithTheAdapterToTarget() {
    cluster.create(
        """
        apiVersion: grove.io/v1alpha1
        kind: PodCliqueSet
        metadata:
          name: llama
          namespace: inference
          ownerReferences:
            - {apiVersion: nvidia.com/v1alpha1, kind: DynamoGraphDeployment, name: llama,
               uid: 0b7c1a6e-0000-4000-8000-000000000001, controller: true}
        spec:
          template:
            cliques:
              - name: prefill
                spec:
                  roleName: prefill
                  replicas: 1
                  podSpec: {containers: [{name: engine, image: vllm/vllm-openai:v0.11.0}]}
        """);
    GenericKubernetesResource clique =
        cluster.create(Fixtures.podClique("llama-0-prefill", 2, 2, 1));
    clique
        .getMetadata()
        .setOwnerReferences(
            List.of(
                new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
                    .withApiVersion("grove.io/v1alpha1")
                    .withKind("PodCliqueSet")
                    .withName("llama")
                    .withUid("0b7c1a6e-0000-4000-8000-000000000002")
                    .build()));
    cluster.client.resource(clique).update();

    ActuationReport report =
        apply(ActuatorSettings.defaults(), Plans.change(Role.PREFILL, PREFILL, 2, 3));

    WriteResult result = report.results().get(0);
    assertThat(result.outcome()).isEqualTo(Outcome.REFUSED_DYNAMO_OWNED);
    assertThat(result.message())
        .contains("DynamoGraphDeployment llama")
        .contains("DynamoGraphDeploymentScalingAdapter");
    assertThat(specReplicas(Kinds.POD_CLIQUE, "llama-0-prefill")).isEqualTo(2);
    assertThat(events()).extracting(Event::getReason).containsExactly("TandemRefused");
  }

  @Test
  void anObjectAnHpaAlreadyScalesIsRefusedWithAConditionAndAnEvent() {
    cluster.create(Fixtures.podClique("llama-0-prefill", 2, 2, 1));
    cluster
        .client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(Fixtures.NS)
        .resource(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("prefill-hpa")
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef("grove.io/v1alpha1", "PodClique", "llama-0-prefill")
                .withMinReplicas(1)
                .withMaxReplicas(8)
                .endSpec()
                .build())
        .create();
    KubernetesActuator actuator = actuator(ActuatorSettings.defaults());

    ActuationReport report =
        actuator.applyAndReport(Plans.plan(Plans.change(Role.PREFILL, PREFILL, 2, 3)));

    assertThat(report.results().get(0).outcome()).isEqualTo(Outcome.REFUSED_AUTOSCALER);
    assertThat(report.results().get(0).message())
        .contains("HorizontalPodAutoscaler inference/prefill-hpa");
    TargetCondition condition = actuator.conditions().get("PodClique inference/llama-0-prefill");
    assertThat(condition.type()).isEqualTo("TandemBlocked");
    assertThat(condition.reason()).isEqualTo("ScalingConflict");
    List<Event> events = events();
    assertThat(events).extracting(Event::getType).containsExactly("Warning");
    assertThat(events.get(0).getMessage()).contains("will not fight it");
    assertThat(specReplicas(Kinds.POD_CLIQUE, "llama-0-prefill")).isEqualTo(2);
  }

  @Test
  void holdsWhenTheLiveCountChangedSinceThePlanAndOverwritesOnlyWhenToldTo() {
    cluster.create(Fixtures.podClique("llama-0-prefill", 5, 5, 1));

    ActuationReport held =
        apply(ActuatorSettings.defaults(), Plans.change(Role.PREFILL, PREFILL, 2, 3));
    ActuationReport overwritten =
        apply(
            ActuatorSettings.defaults().withOnDrift(DriftPolicy.OVERWRITE),
            Plans.change(Role.PREFILL, PREFILL, 2, 3));

    assertThat(held.results().get(0).outcome()).isEqualTo(Outcome.HELD_DRIFT);
    assertThat(held.results().get(0).message()).contains("live replicas 5");
    assertThat(overwritten.results().get(0).outcome()).isEqualTo(Outcome.WRITTEN);
    assertThat(specReplicas(Kinds.POD_CLIQUE, "llama-0-prefill")).isEqualTo(3);
  }

  @Test
  void holdsDuringARollout() {
    cluster.create(Fixtures.podClique("llama-0-prefill", 2, 2, 1));
    cluster.podCliqueStatus("llama-0-prefill", 2, 2, 1);

    ActuationReport report =
        apply(ActuatorSettings.defaults(), Plans.change(Role.PREFILL, PREFILL, 2, 3));

    assertThat(report.results().get(0).outcome()).isEqualTo(Outcome.HELD_ROLLOUT);
    assertThat(specReplicas(Kinds.POD_CLIQUE, "llama-0-prefill")).isEqualTo(2);
  }

  @Test
  void thePausedAnnotationStopsWritesAndAdvisoryModeWritesNothing() {
    GenericKubernetesResource clique =
        cluster.create(Fixtures.podClique("llama-0-prefill", 2, 2, 1));
    cluster.create(Fixtures.scalingGroup("llama-0-decode", 1, 1, 1));
    clique.getMetadata().setAnnotations(Map.of(KubernetesActuator.PAUSED_ANNOTATION, "true"));
    cluster.client.resource(clique).update();

    ActuationReport paused =
        apply(ActuatorSettings.defaults(), Plans.change(Role.PREFILL, PREFILL, 2, 3));
    ActuationReport advisory =
        apply(
            ActuatorSettings.defaults().withAdvisory(true),
            Plans.change(Role.DECODE, DECODE, 1, 2));

    assertThat(paused.results().get(0).outcome()).isEqualTo(Outcome.PAUSED);
    assertThat(advisory.results().get(0).outcome()).isEqualTo(Outcome.ADVISORY);
    assertThat(advisory.results().get(0).message()).isEqualTo("advisory: would write 1 -> 2");
    assertThat(specReplicas(Kinds.POD_CLIQUE, "llama-0-prefill")).isEqualTo(2);
    assertThat(specReplicas(Kinds.POD_CLIQUE_SCALING_GROUP, "llama-0-decode")).isEqualTo(1);
    assertThat(events()).isEmpty();
  }

  @Test
  void decreasesGoFirstAndIncreasesWaitWhenADecreaseWasNotApplied() {
    cluster.create(Fixtures.podClique("llama-0-prefill", 3, 3, 1));
    cluster.create(Fixtures.scalingGroup("llama-0-decode", 1, 1, 1));

    // planned increase first, decrease second: the actuator reorders
    ActuationReport ordered =
        apply(
            ActuatorSettings.defaults(),
            Plans.change(Role.DECODE, DECODE, 1, 2),
            Plans.change(Role.PREFILL, PREFILL, 3, 2));
    // the decrease now meets drift (3 was planned, 2 is live): the increase must wait
    ActuationReport blocked =
        apply(
            ActuatorSettings.defaults(),
            Plans.change(Role.PREFILL, PREFILL, 3, 1),
            Plans.change(Role.DECODE, DECODE, 2, 3));

    assertThat(ordered.results())
        .extracting(r -> r.role() + ":" + r.outcome())
        .containsExactly("PREFILL:WRITTEN", "DECODE:WRITTEN");
    assertThat(events())
        .extracting(Event::getMessage)
        .allMatch(m -> m.startsWith("Tandem scaled"))
        .hasSize(2);
    assertThat(blocked.results())
        .extracting(WriteResult::outcome)
        .containsExactly(Outcome.HELD_DRIFT, Outcome.HELD_AFTER_DECREASE);
    assertThat(specReplicas(Kinds.POD_CLIQUE_SCALING_GROUP, "llama-0-decode")).isEqualTo(2);
  }

  @Test
  void onlyTheLeaderWrites() {
    cluster.create(Fixtures.podClique("llama-0-prefill", 2, 2, 1));
    KubernetesActuator follower =
        new KubernetesActuator(cluster.client, ActuatorSettings.defaults(), () -> false);

    ActuationReport report =
        follower.applyAndReport(Plans.plan(Plans.change(Role.PREFILL, PREFILL, 2, 3)));

    assertThat(report.results().get(0).outcome()).isEqualTo(Outcome.NOT_LEADER);
    assertThat(specReplicas(Kinds.POD_CLIQUE, "llama-0-prefill")).isEqualTo(2);
  }

  @Test
  void aMissingTargetIsReportedGoneAndTheStateReadFails() {
    KubernetesActuator actuator = actuator(ActuatorSettings.defaults());

    assertThatThrownBy(() -> actuator.apply(Plans.plan(Plans.change(Role.PREFILL, PREFILL, 2, 3))))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("GONE");
    assertThatThrownBy(
            () ->
                new KubernetesReplicaStateReader(cluster.client, ActuatorSettings.defaults())
                    .read(PREFILL, Plans.AT))
        .isInstanceOf(TargetGoneException.class);
    assertThat(actuator.counters().count(Outcome.GONE)).isEqualTo(1);
  }

  @Test
  void unschedulablePodsPastTheTimeoutAreReportedPending() {
    cluster.create(Fixtures.podClique("llama-0-prefill", 4, 1, 1));
    // three pods waiting: two for 10 minutes, one for 1 minute (under the 5-minute timeout)
    pod("llama-0-prefill-a", "2026-12-01T11:50:00Z");
    pod("llama-0-prefill-b", "2026-12-01T11:50:00Z");
    pod("llama-0-prefill-c", "2026-12-01T11:59:00Z");

    var state =
        new KubernetesReplicaStateReader(cluster.client, ActuatorSettings.defaults())
            .read(PREFILL, Plans.AT);

    assertThat(state.starting()).isEqualTo(3);
    assertThat(state.pendingPastTimeout()).isEqualTo(2);
  }

  @Test
  void anUnscheduledPodGangCountsAsPendingGroups() {
    cluster.create(Fixtures.scalingGroup("llama-0-decode", 3, 1, 1));
    for (String gang : List.of("llama-0-decode-0", "llama-0-decode-1")) {
      GenericKubernetesResource created =
          cluster.create(
              """
              apiVersion: scheduler.grove.io/v1alpha1
              kind: PodGang
              metadata:
                name: %s
                namespace: inference
                labels: {app.kubernetes.io/part-of: llama}
              spec:
                podgroups:
                  - name: llama-0-decode-1-decode-leader
                    minReplicas: 1
                    podReferences: [{name: l, namespace: inference}]
              status: {phase: Pending}
              """
                  .formatted(gang));
      assertThat(created.getMetadata().getCreationTimestamp()).isNotNull();
    }

    // the mock stamps creation "now": a zero timeout makes both gangs old enough
    var state =
        new KubernetesReplicaStateReader(
                cluster.client,
                ActuatorSettings.defaults().withPendingTimeout(java.time.Duration.ZERO))
            .read(DECODE, java.time.Instant.now().plusSeconds(1));

    assertThat(state.starting()).isEqualTo(2);
    assertThat(state.pendingPastTimeout()).isEqualTo(2);
  }

  private void pod(String name, String unschedulableSince) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(Fixtures.NS)
            .addToLabels("grove.io/podclique", "llama-0-prefill")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("engine")
            .withImage("vllm/vllm-openai:v0.11.0")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase("Pending")
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withReason("Unschedulable")
            .withLastTransitionTime(unschedulableSince)
            .endCondition()
            .endStatus()
            .build();
    Pod created = cluster.client.pods().inNamespace(Fixtures.NS).resource(pod).create();
    created.setStatus(pod.getStatus());
    cluster.client.pods().inNamespace(Fixtures.NS).resource(created).updateStatus();
  }

  private int specReplicas(
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

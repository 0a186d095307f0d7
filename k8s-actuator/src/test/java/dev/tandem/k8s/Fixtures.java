package dev.tandem.k8s;

import dev.tandem.config.policy.ScaleTarget;
import java.util.Optional;

/** Objects as their operators leave them, written in YAML, and targets naming them. */
public final class Fixtures {

  public static final String NS = "inference";

  private Fixtures() {}

  static ScaleTarget target(String apiVersion, String kind, String name) {
    return new ScaleTarget(apiVersion, kind, name, NS, Optional.empty());
  }

  public static String podClique(String name, int replicas, int ready, int minAvailable) {
    return """
        apiVersion: grove.io/v1alpha1
        kind: PodClique
        metadata:
          name: %s
          namespace: inference
          labels: {app.kubernetes.io/part-of: llama, grove.io/podclique: %s}
        spec:
          roleName: prefill
          replicas: %d
          minAvailable: %d
          podSpec:
            containers: [{name: engine, image: vllm/vllm-openai:v0.11.0}]
        status:
          replicas: %d
          readyReplicas: %d
          scheduledReplicas: %d
          scheduleGatedReplicas: 0
          updatedReplicas: %d
        """
        .formatted(name, name, replicas, minAvailable, replicas, ready, replicas, replicas);
  }

  public static String scalingGroup(String name, int replicas, int available, int minAvailable) {
    return """
        apiVersion: grove.io/v1alpha1
        kind: PodCliqueScalingGroup
        metadata:
          name: %s
          namespace: inference
          labels: {app.kubernetes.io/part-of: llama}
        spec:
          replicas: %d
          minAvailable: %d
          cliqueNames: [decode-leader, decode-worker]
        status:
          replicas: %d
          availableReplicas: %d
          scheduledReplicas: %d
          updatedReplicas: %d
        """
        .formatted(name, replicas, minAvailable, replicas, available, replicas, replicas);
  }

  public static String podCliqueSet(String name, int replicas) {
    return """
        apiVersion: grove.io/v1alpha1
        kind: PodCliqueSet
        metadata: {name: %s, namespace: inference}
        spec:
          replicas: %d
          template:
            cliques:
              - name: prefill
                spec:
                  roleName: prefill
                  replicas: 1
                  podSpec:
                    containers: [{name: engine, image: vllm/vllm-openai:v0.11.0}]
              - name: decode-leader
                spec:
                  roleName: decode-leader
                  replicas: 1
                  podSpec:
                    containers: [{name: engine, image: vllm/vllm-openai:v0.11.0}]
              - name: decode-worker
                spec:
                  roleName: decode-worker
                  replicas: 1
                  podSpec:
                    containers: [{name: engine, image: vllm/vllm-openai:v0.11.0}]
            podCliqueScalingGroups:
              - name: decode
                cliqueNames: [decode-leader, decode-worker]
                replicas: 1
                minAvailable: 1
        """
        .formatted(name, replicas);
  }

  static String leaderWorkerSet(String name, int replicas, int ready) {
    return """
        apiVersion: leaderworkerset.x-k8s.io/v1
        kind: LeaderWorkerSet
        metadata: {name: %s, namespace: inference}
        spec:
          replicas: %d
          leaderWorkerTemplate:
            size: 2
            workerTemplate:
              spec:
                containers: [{name: engine, image: vllm/vllm-openai:v0.11.0}]
        status:
          replicas: %d
          readyReplicas: %d
          updatedReplicas: %d
          hpaPodSelector: leaderworkerset.sigs.k8s.io/name=%s,leaderworkerset.sigs.k8s.io/worker-index=0
        """
        .formatted(name, replicas, replicas, ready, replicas, name);
  }

  static String disaggregatedSet(String name, int prefillReady) {
    return """
        apiVersion: disaggregatedset.x-k8s.io/v1
        kind: DisaggregatedSet
        metadata: {name: %s, namespace: inference}
        spec:
          roles:
            - name: prefill
              scaling: {mode: External}
              spec:
                leaderWorkerTemplate:
                  workerTemplate:
                    spec:
                      containers: [{name: engine, image: vllm/vllm-openai:v0.11.0}]
        status:
          roleStatuses:
            - {name: prefill, replicas: 2, readyReplicas: %d, updatedReplicas: 2}
        """
        .formatted(name, prefillReady);
  }

  static String roleScaler(String set, String role, int replicas) {
    return """
        apiVersion: disaggregatedset.x-k8s.io/v1
        kind: DisaggregatedSetRoleScaler
        metadata:
          name: %s-%s
          namespace: inference
          labels: {disaggregatedset.x-k8s.io/name: %s, disaggregatedset.x-k8s.io/role: %s}
        spec: {replicas: %d}
        status: {replicas: %d}
        """
        .formatted(set, role, set, role, replicas, replicas);
  }

  static String graphDeployment(String name, String service, int replicas, boolean adapter) {
    return """
        apiVersion: nvidia.com/v1alpha1
        kind: DynamoGraphDeployment
        metadata: {name: %s, namespace: inference}
        spec:
          services:
            Frontend: {componentType: frontend, replicas: 1}
            %s:
              componentType: worker
              replicas: %d
              scalingAdapter: {enabled: %s}
        status:
          state: successful
          services:
            %s:
              componentKind: PodClique
              componentName: %s-0-%s
              replicas: %d
              readyReplicas: %d
              updatedReplicas: %d
        """
        .formatted(
            name,
            service,
            replicas,
            adapter,
            service,
            name,
            service.toLowerCase(java.util.Locale.ROOT),
            replicas,
            replicas - 1,
            replicas);
  }

  static String scalingAdapter(String graph, String service, int replicas) {
    return """
        apiVersion: nvidia.com/v1alpha1
        kind: DynamoGraphDeploymentScalingAdapter
        metadata:
          name: %s-%s
          namespace: inference
          labels: {nvidia.com/dynamo-graph-deployment-name: %s, nvidia.com/dynamo-component: %s}
        spec:
          replicas: %d
          dgdRef: {name: %s, serviceName: %s}
        status:
          replicas: %d
          selector: nvidia.com/dynamo-graph-deployment-name=%s,nvidia.com/dynamo-component=%s
        """
        .formatted(
            graph,
            service.toLowerCase(java.util.Locale.ROOT),
            graph,
            service,
            replicas,
            graph,
            service,
            replicas,
            graph,
            service);
  }

  static String deployment(String kind, String name, int replicas, int ready) {
    return """
        apiVersion: apps/v1
        kind: %s
        metadata: {name: %s, namespace: inference}
        spec:
          replicas: %d
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: router, image: lmsysorg/sglang-router:v0.2.1}]
        status: {replicas: %d, readyReplicas: %d, updatedReplicas: %d}
        """
        .formatted(kind, name, replicas, name, name, replicas, ready, replicas);
  }
}

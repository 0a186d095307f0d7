package dev.tandem.k8s;

import dev.tandem.config.policy.ScaleTarget;
import java.util.Optional;

/** Objects as their operators leave them, written in YAML, and targets naming them. */
final class Fixtures {

  static final String NS = "inference";

  private Fixtures() {}

  static ScaleTarget target(String apiVersion, String kind, String name) {
    return new ScaleTarget(apiVersion, kind, name, NS, Optional.empty());
  }

  static String podClique(String name, int replicas, int ready, int minAvailable) {
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

  static String scalingGroup(String name, int replicas, int available, int minAvailable) {
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

  static String podCliqueSet(String name, int replicas) {
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
}

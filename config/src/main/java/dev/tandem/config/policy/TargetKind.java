package dev.tandem.config.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The workload kinds Tandem knows by name, with the apiVersion it fills in when a policy leaves it
 * out. Any other kind whose objects have a {@code /scale} subresource works too, given its
 * apiVersion.
 */
public enum TargetKind {
  /** A Grove role: one PodClique per prefill or decode role of a PodCliqueSet. */
  POD_CLIQUE("PodClique", "grove.io/v1alpha1"),
  /** A Grove group of cliques scaled together (e.g. one multi-node engine). */
  POD_CLIQUE_SCALING_GROUP("PodCliqueScalingGroup", "grove.io/v1alpha1"),
  /** A LeaderWorkerSet: one replica is one leader plus its workers (one engine). */
  LEADER_WORKER_SET("LeaderWorkerSet", "leaderworkerset.x-k8s.io/v1"),
  /** A Dynamo graph; the role is one of its services, named by {@code service}. */
  DYNAMO_GRAPH_DEPLOYMENT("DynamoGraphDeployment", "nvidia.com/v1alpha1"),
  /** Dynamo's per-service scaling adapter. */
  DYNAMO_GRAPH_DEPLOYMENT_SCALING_ADAPTER(
      "DynamoGraphDeploymentScalingAdapter", "nvidia.com/v1alpha1"),
  /** A plain Deployment. */
  DEPLOYMENT("Deployment", "apps/v1"),
  /**
   * A Grove PodCliqueSet with the {@code clique} or {@code scalingGroup} of its template that the
   * role scales; the actuator resolves Grove's generated names ({@code <pcs>-<index>-<member>})
   * over every replica of the set.
   */
  POD_CLIQUE_SET("PodCliqueSet", "grove.io/v1alpha1");

  private final String kind;
  private final String apiVersion;

  TargetKind(String kind, String apiVersion) {
    this.kind = kind;
    this.apiVersion = apiVersion;
  }

  /** The Kubernetes kind, e.g. {@code PodClique}. */
  public String kind() {
    return kind;
  }

  /** The apiVersion, e.g. {@code grove.io/v1alpha1}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** Whether a target of this kind names a service inside the object. */
  public boolean needsService() {
    return this == DYNAMO_GRAPH_DEPLOYMENT;
  }

  /** Whether a target of this kind names a clique or scaling group of its template. */
  public boolean needsGroveMember() {
    return this == POD_CLIQUE_SET;
  }

  public static Optional<TargetKind> of(String kind) {
    return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
  }

  public static List<String> kinds() {
    return Arrays.stream(values()).map(TargetKind::kind).toList();
  }
}

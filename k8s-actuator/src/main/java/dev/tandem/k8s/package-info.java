/**
 * fabric8 adapter implementing the planner's {@code ScaleActuator} ({@link
 * dev.tandem.k8s.KubernetesActuator}) and {@code ReplicaStateReader} ({@link
 * dev.tandem.k8s.KubernetesReplicaStateReader}) for Grove PodClique, PodCliqueScalingGroup and
 * PodCliqueSet members, LeaderWorkerSet, DisaggregatedSetRoleScaler, Dynamo graph deployments and
 * scaling adapters, Deployments and any object with a scale subresource; plus leader election, the
 * RBAC rules of every call, and the target doctor. See ACTUATOR.md in the module.
 */
package dev.tandem.k8s;

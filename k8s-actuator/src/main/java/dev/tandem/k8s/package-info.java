/**
 * fabric8 adapter implementing the planner's {@code ScaleActuator} and state reader for Grove
 * PodClique and PodCliqueScalingGroup, LeaderWorkerSet, Dynamo graph deployments, Deployments and
 * any object with a scale subresource. Filled by a later issue.
 */
package dev.tandem.k8s;

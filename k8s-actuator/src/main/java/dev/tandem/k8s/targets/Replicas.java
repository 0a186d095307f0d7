package dev.tandem.k8s.targets;

import java.util.Optional;

/**
 * What one object says of its replicas (in the role's units: engines, groups or graph-service
 * replicas).
 *
 * @param desired the count written on the object ({@code spec.replicas} or the graph service's)
 * @param observed replicas that exist, counted by the workload's controller (including ones being
 *     removed or surged during a rollout)
 * @param ready replicas serving (the kind's readiness field: readyReplicas, availableReplicas, or
 *     the parent's role/service status)
 * @param updated replicas at the current template, when the kind reports it
 * @param minAvailable Grove's {@code spec.minAvailable} (0 for other kinds): the actuator never
 *     writes below it, since going under can terminate the whole gang
 * @param rolloutInProgress the controller says it is rolling out a template change
 * @param note what was read, in words, for the doctor and for errors
 */
public record Replicas(
    int desired,
    int observed,
    int ready,
    Optional<Integer> updated,
    int minAvailable,
    boolean rolloutInProgress,
    String note) {}

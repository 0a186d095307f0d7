package dev.tandem.k8s;

import dev.tandem.config.policy.ScaleTarget;
import dev.tandem.config.policy.ScaledRole;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.k8s.targets.Replicas;
import dev.tandem.k8s.targets.ResolvedObject;
import dev.tandem.k8s.targets.Targets;
import dev.tandem.planner.ports.ReplicaStateReader;
import dev.tandem.planner.state.ReplicaState;
import dev.tandem.planner.state.ReplicaStates;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;

/**
 * Reads every role's replicas from its target (summed over a PodCliqueSet's replicas): desired is
 * the written count, ready the kind's readiness field (capped at desired), starting the rest of
 * desired, draining what the controller still runs above desired, and pending-past-timeout the
 * starting replicas that pods or PodGangs show unschedulable for longer than {@link
 * ActuatorSettings#pendingTimeout()}. A missing target throws {@link TargetGoneException}; any
 * failed call throws, and the loop then leaves the deployment alone for the tick.
 */
public final class KubernetesReplicaStateReader implements ReplicaStateReader {

  private final KubernetesClient client;
  private final ActuatorSettings settings;
  private final Targets targets;

  public KubernetesReplicaStateReader(KubernetesClient client, ActuatorSettings settings) {
    this.client = client;
    this.settings = settings;
    this.targets = new Targets(client);
  }

  @Override
  public ReplicaStates read(SlaPolicy policy, Instant now) {
    ReplicaStates states =
        new ReplicaStates(
            read(policy.roles().prefill().target(), now),
            read(policy.roles().decode().target(), now),
            java.util.Optional.empty());
    for (ScaledRole router : policy.roles().router().stream().toList()) {
      states = states.with(router.role(), read(router.target(), now));
    }
    return states;
  }

  /** The state of one target, summed over its objects. */
  public ReplicaState read(ScaleTarget target, Instant now) {
    int desired = 0;
    int ready = 0;
    int starting = 0;
    int draining = 0;
    int pending = 0;
    for (ResolvedObject o : targets.resolve(target)) {
      GenericKubernetesResource live = targets.get(o.ref());
      if (live == null) {
        throw new TargetGoneException(o.ref() + " not found");
      }
      Replicas r = o.strategy().read(client, o.ref(), live);
      int readyHere = Math.min(r.ready(), r.desired());
      int startingHere = r.desired() - readyHere;
      int pendingHere =
          startingHere == 0
              ? 0
              : o.strategy()
                  .pendingPastTimeout(client, o.ref(), live, now, settings.pendingTimeout());
      desired += r.desired();
      ready += readyHere;
      starting += startingHere;
      draining += Math.max(0, r.observed() - r.desired());
      pending += Math.min(pendingHere, startingHere);
    }
    return new ReplicaState(desired, ready, starting, draining, pending);
  }
}

package dev.tandem.planner.state;

import dev.tandem.config.policy.Role;
import java.util.Objects;
import java.util.Optional;

/** The replica state of every role of one deployment. */
public record ReplicaStates(
    ReplicaState prefill, ReplicaState decode, Optional<ReplicaState> router) {

  public ReplicaStates {
    Objects.requireNonNull(prefill, "prefill");
    Objects.requireNonNull(decode, "decode");
    Objects.requireNonNull(router, "router");
  }

  /** Settled prefill and decode roles, no router. */
  public static ReplicaStates steady(int prefill, int decode) {
    return new ReplicaStates(
        ReplicaState.steady(prefill), ReplicaState.steady(decode), Optional.empty());
  }

  /** The state of {@code role}; a router role without state reads as zero replicas. */
  public ReplicaState of(Role role) {
    return switch (role) {
      case PREFILL -> prefill;
      case DECODE -> decode;
      case ROUTER -> router.orElse(ReplicaState.steady(0));
    };
  }

  public ReplicaStates with(Role role, ReplicaState state) {
    return switch (role) {
      case PREFILL -> new ReplicaStates(state, decode, router);
      case DECODE -> new ReplicaStates(prefill, state, router);
      case ROUTER -> new ReplicaStates(prefill, decode, Optional.of(state));
    };
  }
}

package dev.tandem.planner.ports;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Instant;

/**
 * Reads the replica state of every role of a policy's targets: desired, ready, starting, draining,
 * and pending past the adapter's timeout. A failure is thrown; the loop then leaves that deployment
 * alone for this tick (no plan without knowing the current counts).
 */
public interface ReplicaStateReader {

  ReplicaStates read(SlaPolicy policy, Instant now);
}

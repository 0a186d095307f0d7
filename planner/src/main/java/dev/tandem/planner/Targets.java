package dev.tandem.planner;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.budget.Allocation;
import java.util.EnumMap;
import java.util.Map;

/**
 * The counts the SLA asks for, one per role within its range and the budget, before stabilisation.
 *
 * @param byRole each role's target and its reason (the router's is 0 without a router)
 * @param outcome how the budget shaped the engine roles
 */
record Targets(Map<Role, Targeting.RoleTarget> byRole, Allocation.Outcome outcome) {

  Targets {
    byRole = Map.copyOf(new EnumMap<>(byRole));
    for (Role r : Role.values()) {
      if (!byRole.containsKey(r)) {
        throw new IllegalArgumentException("no target for " + r);
      }
    }
  }

  static Targets of(
      Targeting.RoleTarget prefill,
      Targeting.RoleTarget decode,
      Targeting.RoleTarget router,
      Allocation.Outcome outcome) {
    Map<Role, Targeting.RoleTarget> m = new EnumMap<>(Role.class);
    m.put(Role.PREFILL, prefill);
    m.put(Role.DECODE, decode);
    m.put(Role.ROUTER, router);
    return new Targets(m, outcome);
  }

  /** The role's target count. */
  int of(Role role) {
    return byRole.get(role).replicas();
  }

  /** Why the role's target is what it is. */
  Explanation why(Role role) {
    return byRole.get(role).why();
  }
}

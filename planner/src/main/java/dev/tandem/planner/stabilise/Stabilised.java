package dev.tandem.planner.stabilise;

import dev.tandem.planner.Explanation;
import dev.tandem.planner.history.RoleHistory;

/** The count a role moves to this decision, why, and the role's history after it. */
public record Stabilised(int desired, Explanation why, RoleHistory history) {}

package dev.tandem.planner;

import dev.tandem.planner.budget.Allocation;

/**
 * The counts the SLA asks for, within each role's range and the budget, before stabilisation.
 *
 * @param prefill prefill target
 * @param prefillWhy why
 * @param decode decode target
 * @param decodeWhy why
 * @param router router target (0 without a router)
 * @param routerWhy why
 * @param outcome how the budget shaped the engine roles
 */
record Targets(
    int prefill,
    Explanation prefillWhy,
    int decode,
    Explanation decodeWhy,
    int router,
    Explanation routerWhy,
    Allocation.Outcome outcome) {}

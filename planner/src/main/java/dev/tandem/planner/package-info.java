/**
 * The pure decision core: {@link dev.tandem.planner.Planner#plan} sizes prefill for a TTFT
 * percentile (G/G/c over the ISL distribution), decode for an ITL percentile (Little's law on the
 * ITL envelope, batch-size distribution, KV bound), fits the GPU budget (max-min over the two
 * roles' SLA capacities), stabilises and explains every number. {@link
 * dev.tandem.planner.ControlLoop} ticks many deployments through the ports in {@code
 * dev.tandem.planner.ports}; {@link dev.tandem.planner.Recommender} is the one-shot dry run. No
 * clock, no I/O, no unseeded randomness (enforced by the ArchUnit tests in {@code cli}). How it
 * decides, with the formulas and a worked example: {@code planner/PLANNER.md}.
 */
package dev.tandem.planner;

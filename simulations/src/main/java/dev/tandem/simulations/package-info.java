/**
 * Discrete-event simulator of a disaggregated cluster that replays real traces through the same
 * planner code, the baseline policies it is compared with, and the reports and charts. Filled by
 * the simulator issue.
 */
package dev.tandem.simulations;

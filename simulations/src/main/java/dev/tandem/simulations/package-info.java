/**
 * Discrete-event simulator of a disaggregated (prefill/decode) cluster, the baseline scaling
 * policies it compares, and the reports. Start at {@link
 * dev.tandem.simulations.scenario.ScenarioRunner}; the model and its formulas are in {@code
 * simulations/SIMULATOR.md}.
 */
package dev.tandem.simulations;

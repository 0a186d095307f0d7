/**
 * The pure decision core: prefill sizing for a TTFT percentile, decode sizing for an ITL
 * percentile, the GPU budget, stabilisation and reasons, plus the ports ({@code MetricsSource},
 * {@code ScaleActuator}, state reader) and the {@code ControlLoop} that ticks through them. Filled
 * by the planner issue.
 */
package dev.tandem.planner;

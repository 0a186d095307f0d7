package dev.tandem.planner.ports;

import dev.tandem.planner.ScalingPlan;

/**
 * Writes a plan's replica counts (the Kubernetes adapter). It applies {@link ScalingPlan#changes()}
 * in their order (decreases before increases) and re-checks each against the live object first.
 * Only plans of policies in {@code active} mode reach it. A failure is thrown; the loop records it
 * and moves on to the next deployment.
 */
public interface ScaleActuator {

  void apply(ScalingPlan plan);
}

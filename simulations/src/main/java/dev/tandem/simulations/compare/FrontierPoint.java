package dev.tandem.simulations.compare;

import java.util.Objects;

/**
 * One run of a baseline at one setting of its knob: what it cost and what it reached.
 *
 * @param label the setting, e.g. {@code static-3p2d} or {@code hpa-w1-kv0.15}
 * @param gpuHours GPU-hours the run held, h (≥ 0)
 * @param attainment its SLA attainment, a share of windows in [0, 1]
 */
public record FrontierPoint(String label, double gpuHours, double attainment) {

  public FrontierPoint {
    Objects.requireNonNull(label, "label");
    if (!(gpuHours >= 0) || Double.isInfinite(gpuHours)) {
      throw new IllegalArgumentException(label + ": gpuHours must be finite >= 0, got " + gpuHours);
    }
    if (!(attainment >= 0 && attainment <= 1)) {
      throw new IllegalArgumentException(
          label + ": attainment must be in [0, 1], got " + attainment);
    }
  }
}

package dev.tandem.profiles.interpolation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A value read from a profile together with how it was obtained along every axis, so no caller can
 * mistake an extrapolation for a measurement.
 *
 * @param value the number, in the unit of the curve that produced it (ms for TTFT and ITL)
 * @param axes one placement per axis of the query
 */
public record Estimate(double value, List<AxisPlacement> axes) {

  public Estimate {
    axes = List.copyOf(axes);
  }

  /** True when every axis was inside the measured range (on a point or between two). */
  public boolean isWithinMeasuredRange() {
    return axes.stream().noneMatch(a -> a.placement().isOutside());
  }

  public boolean isExtrapolated() {
    return axes.stream().anyMatch(a -> a.placement() == Placement.EXTRAPOLATED_ABOVE);
  }

  public boolean isClamped() {
    return axes.stream()
        .anyMatch(
            a ->
                a.placement() == Placement.CLAMPED_BELOW
                    || a.placement() == Placement.CLAMPED_ABOVE);
  }

  /** The placement along {@code axis}. */
  public AxisPlacement axis(String axis) {
    return axes.stream()
        .filter(a -> a.axis().equals(axis))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no axis " + axis + " in " + axes));
  }

  /** For example {@code 12.5 (isl 3000 interpolated)}. */
  public String describe() {
    return Numbers.compact(value)
        + " ("
        + axes.stream().map(AxisPlacement::describe).collect(Collectors.joining(", "))
        + ")";
  }
}

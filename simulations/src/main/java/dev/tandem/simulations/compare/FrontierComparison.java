package dev.tandem.simulations.compare;

/**
 * A policy's run placed against one baseline's frontier: {@code ratio = gpuHours /
 * frontierGpuHours}, where {@code frontierGpuHours = frontier.gpuHoursAt(attainment)} is what the
 * baseline needs for the same SLA attainment. Below 1 the policy is cheaper than the baseline at
 * equal attainment; NaN when the baseline never reached that attainment.
 *
 * @param policy the policy's name
 * @param attainment its SLA attainment
 * @param gpuHours its GPU-hours
 * @param family the baseline
 * @param frontierGpuHours the baseline's GPU-hours at {@code attainment}, interpolated
 */
public record FrontierComparison(
    String policy, double attainment, double gpuHours, String family, double frontierGpuHours) {

  public static FrontierComparison of(
      String policy, double attainment, double gpuHours, Frontier frontier) {
    return new FrontierComparison(
        policy, attainment, gpuHours, frontier.family(), frontier.gpuHoursAt(attainment));
  }

  /** gpuHours ÷ frontierGpuHours (NaN when the frontier does not reach the attainment). */
  public double ratio() {
    return frontierGpuHours > 0 ? gpuHours / frontierGpuHours : Double.NaN;
  }
}

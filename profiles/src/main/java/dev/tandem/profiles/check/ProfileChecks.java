package dev.tandem.profiles.check;

import dev.tandem.profiles.model.PerformanceProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Plausibility checks of one profile. Each finding names the point, gives the numbers and says why
 * they are wrong or suspicious. Pure: the profile in, findings out.
 *
 * <ul>
 *   <li>{@link ThroughputChecks}: stored per-GPU throughput against what latency and batch imply
 *       (prefill {@code ISL / TTFT / GPUs}, decode {@code concurrency / ITL / GPUs});
 *   <li>{@link RooflineCheck}: implied prefill FLOP/s per GPU {@code 2·params·ISL / (TTFT·GPUs)}
 *       against the GPU's dense peak;
 *   <li>{@link ShapeChecks}: TTFT non-decreasing in ISL, ITL non-decreasing in concurrency, KV and
 *       sequence limits respected by the measured points.
 * </ul>
 */
public final class ProfileChecks {

  private ProfileChecks() {}

  public static List<Finding> check(PerformanceProfile profile) {
    List<Finding> findings = new ArrayList<>();
    findings.addAll(ThroughputChecks.prefill(profile));
    findings.addAll(ThroughputChecks.decode(profile));
    findings.addAll(RooflineCheck.check(profile));
    findings.addAll(ShapeChecks.check(profile));
    return findings;
  }

  /** True when any finding is an {@link Severity#ERROR}. */
  public static boolean hasErrors(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}

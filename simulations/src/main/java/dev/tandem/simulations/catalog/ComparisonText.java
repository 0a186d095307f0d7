package dev.tandem.simulations.catalog;

import dev.tandem.simulations.compare.Frontier;
import dev.tandem.simulations.compare.FrontierComparison;
import dev.tandem.simulations.report.ReportTable;
import java.util.Locale;

/** The printed report: the table, the speed footer, and the frontier comparison. */
public final class ComparisonText {

  private ComparisonText() {}

  public static String render(Comparison c) {
    StringBuilder sb = new StringBuilder();
    sb.append("scenario ").append(c.scenario().name()).append(": ");
    sb.append(c.scenario().description()).append("\n");
    // every policy replays the same arrivals: the first run's count stands for all
    c.runs().stream()
        .map(r -> r.report().beyondProfile())
        .filter(b -> b.any())
        .findFirst()
        .ifPresent(b -> sb.append(b.sentence()).append('\n'));
    sb.append('\n');
    sb.append(ReportTable.render(c.summaries()));
    sb.append('\n').append(speed(c));
    if (!c.frontiers().isEmpty()) {
      sb.append('\n').append(frontiers(c));
    }
    if (!c.byRequests().isEmpty()) {
      sb.append('\n').append(byRequests(c));
    }
    return sb.toString();
  }

  /**
   * Per policy, its GPU-hours ÷ the static splits' GPU-hours at the same share of requests meeting
   * both thresholds: the comparison that still separates policies when no window can be met.
   */
  public static String byRequests(Comparison c) {
    StringBuilder sb =
        new StringBuilder(
            "GPU-hours relative to the static splits at the same share of requests meeting both"
                + " thresholds (every fixed split run above):\n");
    sb.append(
        String.format(
            Locale.ROOT, "  %-24s %9s %9s  %22s%n", "policy", "both ok", "GPU-h", "vs static"));
    for (FrontierComparison fc : c.byRequests()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-24s %8.1f%% %9.3f  %22s%n",
              fc.policy(),
              100 * fc.attainment(),
              fc.gpuHours(),
              cell(fc)));
    }
    return sb.toString();
  }

  /** Wall time and simulated requests per wall-second of each policy's run. */
  public static String speed(Comparison c) {
    StringBuilder sb = new StringBuilder("speed (one core, full fidelity):\n");
    for (Comparison.PolicyRun r : c.runs()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-24s %,12d requests  %8.2f s wall  %,12.0f simulated req/s%n",
              r.report().summary().policy(),
              r.report().summary().requests(),
              r.wallNanos() / 1e9,
              r.requestsPerWallSecond()));
    }
    if (c.sweepWallNanos() > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  searches and sweeps (best static, oracle, frontiers): %.2f s wall%n",
              c.sweepWallNanos() / 1e9));
    }
    return sb.toString();
  }

  /**
   * Per policy, its GPU-hours ÷ each baseline frontier's GPU-hours at the policy's attainment
   * (interpolated); "-" where that baseline never reached it.
   */
  public static String frontiers(Comparison c) {
    StringBuilder sb =
        new StringBuilder(
            "GPU-hours relative to each baseline's frontier at the same SLA attainment"
                + " (< 1 = cheaper than the baseline; frontier GPU-h in brackets):\n");
    sb.append(String.format(Locale.ROOT, "  %-24s %9s %9s", "policy", "SLA att.", "GPU-h"));
    for (Frontier f : c.frontiers()) {
      sb.append(String.format(Locale.ROOT, "  %22s", "vs " + f.family()));
    }
    sb.append('\n');
    int k = 0;
    for (Comparison.PolicyRun r : c.runs()) {
      var s = r.report().summary();
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-24s %8.1f%% %9.3f",
              s.policy(),
              100 * (Double.isNaN(s.slaAttainment()) ? 0 : s.slaAttainment()),
              s.gpuHours()));
      for (int i = 0; i < c.frontiers().size(); i++) {
        sb.append(String.format(Locale.ROOT, "  %22s", cell(c.comparisons().get(k++))));
      }
      sb.append('\n');
    }
    for (Frontier f : c.frontiers()) {
      sb.append("  ").append(f.family()).append(" frontier:");
      f.points()
          .forEach(
              p ->
                  sb.append(
                      String.format(
                          Locale.ROOT,
                          " %s (%.1f%%, %.2f GPU-h);",
                          p.label(),
                          100 * p.attainment(),
                          p.gpuHours())));
      sb.append('\n');
    }
    return sb.toString();
  }

  /** "1.20× (5.84)": the ratio and the frontier's GPU-hours, or "- (not reached)". */
  private static String cell(FrontierComparison fc) {
    return Double.isNaN(fc.ratio())
        ? "- (not reached)"
        : String.format(Locale.ROOT, "%.2f× (%.2f)", fc.ratio(), fc.frontierGpuHours());
  }
}

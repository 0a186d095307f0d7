package dev.tandem.cli;

import dev.tandem.simulations.catalog.PolicyRegistry;
import dev.tandem.simulations.catalog.ScenarioCatalog;
import dev.tandem.traces.ServeGenClientWindow;
import dev.tandem.traces.ServeGenTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of {@code tandem simulate --list}: scenarios, then policies. The ServeGen scenarios'
 * volumes are counted from the shipped data (Σ client rate × 600 s over the scenario's windows, the
 * expectation the sampler draws around), not written as constants: a constant once said 17 M
 * requests for a day that holds 24.1 M.
 */
final class SimulateListing {

  private SimulateListing() {}

  static String render(PolicyRegistry registry, Path dataDirectory) {
    StringBuilder sb = new StringBuilder("scenarios:\n");
    Path dir = dataDirectory.resolve("servegen_alibaba_bailian");
    // read once for both ServeGen rows
    ServeGenTrace serveGen = Files.isDirectory(dir) ? ServeGenTrace.load(dir, "m-large") : null;
    for (ScenarioCatalog.Entry e : ScenarioCatalog.entries()) {
      String volume =
          switch (e.name()) {
            case "servegen-large-day" -> "; " + serveGenVolume(serveGen, dir, 1);
            case "servegen-large-14d" -> "; " + serveGenVolume(serveGen, dir, 14);
            default -> "";
          };
      sb.append(String.format("  %-20s %s%s%n", e.name(), e.summary(), volume));
      sb.append(
          String.format(
              "  %-20s   policies: %s%s%n",
              "",
              String.join(",", e.policies()),
              e.frontierByDefault()
                  ? "; frontier sweeps on"
                  : "; frontier sweeps with --frontier"));
    }
    sb.append("policies:\n");
    for (PolicyRegistry.Entry e : registry.entries()) {
      sb.append(String.format("  %-20s %s%n", e.name(), e.description()));
    }
    return sb.toString();
  }

  /** "24.1 M requests (mean 279 req/s)" over the first {@code days} days of m-large. */
  static String serveGenVolume(ServeGenTrace trace, Path dir, int days) {
    if (trace == null) {
      return "volume unknown: no " + dir + " (--data DIR)";
    }
    long end = Math.min(days * 86_400L, trace.endSeconds());
    double requests = 0;
    for (long w = 0; w < end; w += ServeGenClientWindow.WINDOW_SECONDS) {
      requests += trace.windowRate(w) * ServeGenClientWindow.WINDOW_SECONDS;
    }
    return String.format(
        Locale.ROOT,
        "%.1f M requests (mean %.0f req/s), counted from the data",
        requests / 1e6,
        requests / end);
  }
}

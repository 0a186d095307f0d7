package dev.tandem.cli;

import dev.tandem.simulations.catalog.PolicyRegistry;
import dev.tandem.simulations.catalog.ScenarioCatalog;

/** The text of {@code tandem simulate --list}: scenarios, then policies. */
final class SimulateListing {

  private SimulateListing() {}

  static String render(PolicyRegistry registry) {
    StringBuilder sb = new StringBuilder("scenarios:\n");
    for (ScenarioCatalog.Entry e : ScenarioCatalog.entries()) {
      sb.append(String.format("  %-20s %s%n", e.name(), e.summary()));
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
}

package dev.tandem.simulations.report;

import java.util.List;

/**
 * Where finished reports go: the seam for the outputs still to come (charts, the HTML page, a
 * progress-aware console). {@link ReportFiles} is the CSV/JSON implementation.
 */
@FunctionalInterface
public interface ReportSink {

  /** Called once with every policy's report of one scenario, in the order the policies ran. */
  void accept(String scenario, List<SimulationReport> reports);
}

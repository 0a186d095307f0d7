package dev.tandem.simulations.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a scenario's reports into a directory: {@code summary.csv}, {@code summary.json}, and per
 * policy {@code series-<policy>.csv} and {@code series-<policy>.json}.
 */
public final class ReportFiles implements ReportSink {

  private final Path directory;

  public ReportFiles(Path directory) {
    this.directory = directory;
  }

  @Override
  public void accept(String scenario, List<SimulationReport> reports) {
    try {
      Files.createDirectories(directory);
      List<RunSummary> summaries = reports.stream().map(SimulationReport::summary).toList();
      try (Writer w = writer("summary.csv")) {
        ReportCsv.writeSummary(summaries, w);
      }
      try (Writer w = writer("summary.json")) {
        ReportJson.writeSummary(summaries, w);
      }
      for (SimulationReport r : reports) {
        String name = r.summary().policy().replaceAll("[^A-Za-z0-9._-]", "_");
        try (Writer w = writer("series-" + name + ".csv")) {
          ReportCsv.writeSeries(r.series(), w);
        }
        try (Writer w = writer("series-" + name + ".json")) {
          ReportJson.writeSeries(r.series(), w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reports to " + directory, e);
    }
  }

  private Writer writer(String name) throws IOException {
    return Files.newBufferedWriter(directory.resolve(name), StandardCharsets.UTF_8);
  }
}

package dev.tandem.simulations.catalog;

import dev.tandem.config.policy.Role;
import dev.tandem.simulations.compare.Frontier;
import dev.tandem.simulations.compare.FrontierComparison;
import dev.tandem.simulations.compare.FrontierPoint;
import dev.tandem.simulations.report.ReportFiles;
import dev.tandem.simulations.report.SimulationReport;
import dev.tandem.simulations.report.chart.ChartStyle;
import dev.tandem.simulations.report.chart.FrontierChart;
import dev.tandem.simulations.report.chart.TimeSeriesCharts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Comparison} into a directory: {@code summary.csv/json} and {@code
 * series-<policy>.csv/json} ({@link ReportFiles}), {@code frontier.csv} (every sweep run and the
 * comparison), the PNG charts, {@code report.txt} (the printed report) and {@code index.html},
 * which shows the table and the charts.
 */
public final class OutputDirectory {

  /** Chart files, in the order the page shows them. */
  public static final List<String> CHARTS =
      List.of("prefill.png", "decode.png", "ttft.png", "itl.png", "gpus.png");

  private OutputDirectory() {}

  /** Writes everything; returns the files written. */
  public static List<Path> write(Comparison c, Path dir) {
    try {
      Files.createDirectories(dir);
      List<SimulationReport> reports = c.reports();
      new ReportFiles(dir).accept(c.scenario().name(), reports);
      List<Path> files = new ArrayList<>();
      files.add(dir.resolve("summary.csv"));
      files.add(dir.resolve("summary.json"));
      var sla = c.scenario().config().sla();
      ChartStyle.png(TimeSeriesCharts.replicas(reports, Role.PREFILL), dir.resolve(CHARTS.get(0)));
      ChartStyle.png(TimeSeriesCharts.replicas(reports, Role.DECODE), dir.resolve(CHARTS.get(1)));
      ChartStyle.png(TimeSeriesCharts.latency(reports, sla, true), dir.resolve(CHARTS.get(2)));
      ChartStyle.png(TimeSeriesCharts.latency(reports, sla, false), dir.resolve(CHARTS.get(3)));
      ChartStyle.png(TimeSeriesCharts.gpus(reports), dir.resolve(CHARTS.get(4)));
      CHARTS.forEach(n -> files.add(dir.resolve(n)));
      if (!c.frontiers().isEmpty()) {
        ChartStyle.png(FrontierChart.of(c.frontiers(), c.summaries()), dir.resolve("frontier.png"));
        Files.writeString(dir.resolve("frontier.csv"), frontierCsv(c), StandardCharsets.UTF_8);
        files.add(dir.resolve("frontier.png"));
        files.add(dir.resolve("frontier.csv"));
      }
      String text = ComparisonText.render(c);
      Files.writeString(dir.resolve("report.txt"), text, StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("index.html"), HtmlPage.render(c, text), StandardCharsets.UTF_8);
      files.add(dir.resolve("report.txt"));
      files.add(dir.resolve("index.html"));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + dir, e);
    }
  }

  /**
   * {@code kind,family,label,policy,sla_attainment,gpu_hours,frontier_gpu_hours,ratio}: one row per
   * sweep run ({@code run}, with {@code on_frontier}) and per policy × frontier ({@code
   * comparison}).
   */
  static String frontierCsv(Comparison c) {
    StringBuilder sb =
        new StringBuilder(
            "kind,family,label,on_frontier,sla_attainment,gpu_hours,frontier_gpu_hours,ratio\n");
    for (Frontier f : c.frontiers()) {
      for (FrontierPoint p : f.allRuns()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "run,%s,%s,%d,%.6f,%.6f,,%n",
                f.family(),
                p.label(),
                f.points().contains(p) ? 1 : 0,
                p.attainment(),
                p.gpuHours()));
      }
    }
    for (FrontierComparison fc : c.comparisons()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "comparison,%s,%s,,%.6f,%.6f,%s,%s%n",
              fc.family(),
              fc.policy(),
              fc.attainment(),
              fc.gpuHours(),
              Double.isNaN(fc.frontierGpuHours())
                  ? ""
                  : String.format(Locale.ROOT, "%.6f", fc.frontierGpuHours()),
              Double.isNaN(fc.ratio()) ? "" : String.format(Locale.ROOT, "%.4f", fc.ratio())));
    }
    return sb.toString();
  }
}

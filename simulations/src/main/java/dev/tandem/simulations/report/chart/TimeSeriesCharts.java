package dev.tandem.simulations.report.chart;

import dev.tandem.config.policy.Role;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.report.IntervalRow;
import dev.tandem.simulations.report.SimulationReport;
import java.awt.Font;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The time-series charts of one scenario, every policy on the same axes (one colour per policy, in
 * report order), time in minutes (hours past six hours):
 *
 * <ul>
 *   <li>{@link #replicas}: engines of a role (ready + starting at each window's end, step lines)
 *       over the role's load in grey on the right axis — prompt tokens/s arriving for prefill,
 *       output tokens/s for decode;
 *   <li>{@link #latency}: each window's p90 TTFT or ITL (log scale) against the SLA target (black
 *       dashed line); above the line the window fails;
 *   <li>{@link #gpus}: mean GPUs held per window.
 * </ul>
 */
public final class TimeSeriesCharts {

  private TimeSeriesCharts() {}

  /** Engines of {@code role} per policy over that role's load. */
  public static JFreeChart replicas(List<SimulationReport> reports, Role role) {
    boolean prefill = role == Role.PREFILL;
    double scale = timeScale(reports);
    ToDoubleFunction<IntervalRow> engineCount =
        prefill
            ? row -> row.prefillReady() + row.prefillStarting()
            : row -> row.decodeReady() + row.decodeStarting();
    double limit = clipLimit(reports, engineCount);
    XYSeriesCollection engines = series(reports, engineCount, scale, limit);
    XYSeriesCollection load = new XYSeriesCollection();
    XYSeries l =
        new XYSeries(prefill ? "prompt tokens/s (load)" : "output tokens/s (load)", true, true);
    if (!reports.isEmpty()) {
      for (IntervalRow row : reports.get(0).series()) {
        l.addOrUpdate(
            row.startSeconds() / scale,
            prefill ? row.inputTokensPerSecond() : row.outputTokensPerSecond());
      }
    }
    load.addSeries(l);
    NumberAxis time = new NumberAxis(timeLabel(scale));
    NumberAxis count = new NumberAxis((prefill ? "prefill" : "decode") + " engines");
    count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    if (Double.isFinite(limit)) {
      count.setRange(0, limit);
    }
    XYStepRenderer steps = new XYStepRenderer();
    for (int i = 0; i < reports.size(); i++) {
      steps.setSeriesPaint(i, ChartStyle.colour(i));
      steps.setSeriesStroke(i, ChartStyle.line());
    }
    XYPlot plot = new XYPlot(engines, time, count, steps);
    NumberAxis loadAxis = new NumberAxis(prefill ? "prompt tokens/s" : "output tokens/s");
    plot.setRangeAxis(1, loadAxis);
    plot.setDataset(1, load);
    plot.mapDatasetToRangeAxis(1, 1);
    XYAreaRenderer area = new XYAreaRenderer();
    area.setSeriesPaint(0, new java.awt.Color(0xbb, 0xbb, 0xbb, 110));
    plot.setRenderer(1, area);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    JFreeChart chart =
        new JFreeChart(
            (prefill ? "Prefill" : "Decode") + " engines vs load",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    ChartStyle.apply(chart);
    return chart;
  }

  /** p90 TTFT ({@code ttft}) or ITL per window, per policy, against the SLA target. */
  public static JFreeChart latency(List<SimulationReport> reports, SlaTargets sla, boolean ttft) {
    double scale = timeScale(reports);
    ToDoubleFunction<IntervalRow> value =
        ttft ? IntervalRow::ttftP90Millis : IntervalRow::itlP90Millis;
    double target = ttft ? sla.ttftTargetMillis() : sla.itlTargetMillis();
    XYSeriesCollection data = new XYSeriesCollection();
    double min = target;
    double max = target;
    for (int k = 0; k < reports.size(); k++) {
      SimulationReport r = reports.get(k);
      XYSeries s = new XYSeries(key(reports, k), true, true);
      for (IntervalRow row : r.series()) {
        double v = value.applyAsDouble(row);
        if (Double.isFinite(v) && v > 0) {
          s.addOrUpdate(row.startSeconds() / scale, v);
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      data.addSeries(s);
    }
    LogAxis axis = new LogAxis((ttft ? "p90 TTFT" : "p90 ITL") + " per window, ms (log)");
    axis.setSmallestValue(1e-3);
    axis.setRange(Math.max(min / 1.5, target / 20), Math.min(max * 1.5, target * 200));
    axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
    // Decades with minor ticks: readable labels (1, 10, 100, ...) whatever the range.
    axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
    axis.setMinorTickCount(9);
    axis.setMinorTickMarksVisible(true);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < reports.size(); i++) {
      lines.setSeriesPaint(i, ChartStyle.colour(i));
      lines.setSeriesStroke(i, ChartStyle.line());
    }
    XYPlot plot = new XYPlot(data, new NumberAxis(timeLabel(scale)), axis, lines);
    ValueMarker marker = new ValueMarker(target, ChartStyle.TARGET, ChartStyle.dashed());
    marker.setLabel("target " + fmt(target) + " ms");
    marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    plot.addRangeMarker(marker);
    JFreeChart chart =
        new JFreeChart(
            (ttft ? "TTFT" : "ITL") + " p90 per minute vs SLA target",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    ChartStyle.apply(chart);
    return chart;
  }

  /** Mean GPUs held per window, per policy. */
  public static JFreeChart gpus(List<SimulationReport> reports) {
    double scale = timeScale(reports);
    double limit = clipLimit(reports, IntervalRow::gpusAverage);
    XYSeriesCollection data = series(reports, IntervalRow::gpusAverage, scale, limit);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < reports.size(); i++) {
      lines.setSeriesPaint(i, ChartStyle.colour(i));
      lines.setSeriesStroke(i, ChartStyle.line());
    }
    NumberAxis gpus = new NumberAxis("GPUs (mean per window)");
    if (Double.isFinite(limit)) {
      gpus.setRange(0, limit);
    }
    XYPlot plot = new XYPlot(data, new NumberAxis(timeLabel(scale)), gpus, lines);
    JFreeChart chart = new JFreeChart("GPUs held", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartStyle.apply(chart);
    return chart;
  }

  /**
   * The value axis' upper end when one policy dwarfs the others (its peak more than 3× the next
   * largest peak): 2× the next largest, so the others stay readable; infinite otherwise.
   */
  static double clipLimit(List<SimulationReport> reports, ToDoubleFunction<IntervalRow> value) {
    double[] peaks = new double[reports.size()];
    for (int k = 0; k < peaks.length; k++) {
      for (IntervalRow row : reports.get(k).series()) {
        peaks[k] = Math.max(peaks[k], value.applyAsDouble(row));
      }
    }
    java.util.Arrays.sort(peaks);
    if (peaks.length < 2 || peaks[peaks.length - 1] <= 3 * peaks[peaks.length - 2]) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.max(2, 2 * peaks[peaks.length - 2]);
  }

  /** One series per policy; a policy that goes above {@code limit} says so in its legend. */
  static XYSeriesCollection series(
      List<SimulationReport> reports,
      ToDoubleFunction<IntervalRow> value,
      double scale,
      double limit) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (int k = 0; k < reports.size(); k++) {
      double peak = 0;
      for (IntervalRow row : reports.get(k).series()) {
        peak = Math.max(peak, value.applyAsDouble(row));
      }
      String name = key(reports, k);
      if (peak > limit) {
        name += String.format(java.util.Locale.ROOT, " (clipped, peak %.0f)", peak);
      }
      XYSeries s = new XYSeries(name, true, true);
      for (IntervalRow row : reports.get(k).series()) {
        s.addOrUpdate(row.startSeconds() / scale, value.applyAsDouble(row));
      }
      data.addSeries(s);
    }
    return data;
  }

  /** The policy's name, suffixed with its position when two runs share it (series keys differ). */
  static String key(List<SimulationReport> reports, int index) {
    String name = reports.get(index).summary().policy();
    for (int i = 0; i < index; i++) {
      if (reports.get(i).summary().policy().equals(name)) {
        return name + " (" + (index + 1) + ")";
      }
    }
    return name;
  }

  /** 60 (minutes) or 3600 (hours past six hours of simulated time). */
  static double timeScale(List<SimulationReport> reports) {
    double end = 0;
    for (SimulationReport r : reports) {
      List<IntervalRow> s = r.series();
      if (!s.isEmpty()) {
        end = Math.max(end, s.get(s.size() - 1).endSeconds());
      }
    }
    return end > 6 * 3600 ? 3600 : 60;
  }

  static String timeLabel(double scale) {
    return scale == 3600 ? "time, h" : "time, min";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}

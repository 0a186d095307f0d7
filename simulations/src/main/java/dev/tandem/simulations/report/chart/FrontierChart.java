package dev.tandem.simulations.report.chart;

import dev.tandem.simulations.compare.Frontier;
import dev.tandem.simulations.compare.FrontierPoint;
import dev.tandem.simulations.report.RunSummary;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * GPU-hours against SLA attainment: each baseline's frontier as a line through its non-dominated
 * runs (dominated runs are not drawn), and each compared policy as a square. Down and to the right
 * is better; a policy below a frontier is cheaper than that baseline at its attainment.
 */
public final class FrontierChart {

  /** The GPU-hours axis ends at this multiple of the static and oracle frontiers' largest cost. */
  static final double ZOOM = 2.5;

  private FrontierChart() {}

  public static JFreeChart of(List<Frontier> frontiers, List<RunSummary> policies) {
    double top = 0;
    for (Frontier f : frontiers) {
      if (f.family().equals("static") || f.family().equals("oracle")) {
        for (FrontierPoint p : f.points()) {
          top = Math.max(top, p.gpuHours());
        }
      }
    }
    double limit = top > 0 ? ZOOM * top : Double.POSITIVE_INFINITY;
    XYSeriesCollection data = new XYSeriesCollection();
    for (Frontier f : frontiers) {
      boolean off = f.points().stream().anyMatch(p -> p.gpuHours() > limit);
      XYSeries s =
          new XYSeries(f.family() + " frontier" + (off ? " (partly off chart)" : ""), false, true);
      for (FrontierPoint p : f.points()) {
        s.add(p.attainment() * 100, p.gpuHours());
      }
      data.addSeries(s);
    }
    for (int k = 0; k < policies.size(); k++) {
      RunSummary r = policies.get(k);
      XYSeries s =
          new XYSeries(
              r.policy() + (data.getSeriesIndex(r.policy()) >= 0 ? " (" + (k + 1) + ")" : ""),
              false,
              true);
      double a = Double.isNaN(r.slaAttainment()) ? 0 : r.slaAttainment();
      s.add(a * 100, r.gpuHours());
      data.addSeries(s);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    int n = frontiers.size();
    for (int i = 0; i < n; i++) {
      renderer.setSeriesPaint(i, ChartStyle.colour(i + 4));
      renderer.setSeriesStroke(i, ChartStyle.dashed());
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
      renderer.setSeriesLinesVisible(i, true);
    }
    for (int i = 0; i < policies.size(); i++) {
      renderer.setSeriesPaint(n + i, ChartStyle.colour(i));
      renderer.setSeriesLinesVisible(n + i, false);
      renderer.setSeriesShape(n + i, new Rectangle2D.Double(-6, -6, 12, 12));
    }
    NumberAxis x = new NumberAxis("SLA attainment, % of 1-minute windows");
    NumberAxis y = new NumberAxis("GPU-hours");
    y.setAutoRangeIncludesZero(true);
    if (Double.isFinite(limit)) {
      y.setRange(0, limit);
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    JFreeChart chart =
        new JFreeChart(
            "Cost vs attainment: baselines' frontiers and the compared policies",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    ChartStyle.apply(chart);
    return chart;
  }
}

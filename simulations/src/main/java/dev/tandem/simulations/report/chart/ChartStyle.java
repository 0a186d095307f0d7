package dev.tandem.simulations.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** One look for every chart: white background, light grid, a fixed colour per series index. */
public final class ChartStyle {

  /** Pixels of every PNG. */
  public static final int WIDTH = 1100;

  public static final int HEIGHT = 420;

  private static final Paint[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xd62728),
    new Color(0x2ca02c),
    new Color(0xff7f0e),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x17becf),
  };

  static final Color LOAD = new Color(0xbbbbbb);
  static final Color TARGET = new Color(0x222222);

  private ChartStyle() {
    System.setProperty("java.awt.headless", "true");
  }

  static {
    // Charts are drawn off-screen: never ask for a display.
    System.setProperty("java.awt.headless", "true");
  }

  static Paint colour(int i) {
    return PALETTE[i % PALETTE.length];
  }

  static BasicStroke line() {
    return new BasicStroke(1.6f);
  }

  static BasicStroke dashed() {
    return new BasicStroke(
        1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  }

  static void apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    if (chart.getPlot() instanceof XYPlot plot) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(new Color(0xdddddd));
      plot.setRangeGridlinePaint(new Color(0xdddddd));
      plot.setOutlineVisible(false);
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }
  }

  /** Writes {@code chart} as a {@link #WIDTH}×{@link #HEIGHT} PNG. */
  public static void png(JFreeChart chart, Path file) {
    try {
      ChartUtils.saveChartAsPNG(new File(file.toString()), chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + file, e);
    }
  }
}

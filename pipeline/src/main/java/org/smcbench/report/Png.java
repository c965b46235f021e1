package org.smcbench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** Renders charts to PNG files without a display. */
final class Png {
  private Png() {}

  /**
   * Must run before the first AWT class asks for a display: the report runs on servers and
   * cluster drivers without X11. Once AWT has initialised, the property has no effect.
   */
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** One light look for every chart: white plot, grey grid lines. */
  static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    if (chart.getPlot() instanceof XYPlot plot) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
      plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
  }

  static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
  }
}

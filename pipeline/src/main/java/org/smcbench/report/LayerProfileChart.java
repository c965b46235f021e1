package org.smcbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Where each method puts its zeros: the sparsity of every prunable tensor (mean over seeds) in
 * model order, one line per method, for one dataset × model × target sparsity.
 */
final class LayerProfileChart {
  static final int WIDTH = 900;
  static final int HEIGHT = 450;

  private LayerProfileChart() {}

  /** {@code rows}: the layer_profile rows of one dataset × model × target sparsity. */
  static void write(String title, List<Row> rows, Path file) throws IOException {
    Png.headless();
    Map<String, XYSeries> byMethod = new TreeMap<>();
    for (Row r : rows) {
      if (r.isNullAt(r.fieldIndex("sparsity_mean"))) {
        continue;
      }
      byMethod.computeIfAbsent(r.getAs("method"), XYSeries::new)
          .add(r.<Integer>getAs("position").doubleValue(), r.<Double>getAs("sparsity_mean"));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    byMethod.values().forEach(data::addSeries);

    NumberAxis x = new NumberAxis("position in model order");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis y = new NumberAxis("sparsity (mean over seeds)");
    y.setRange(-0.02, 1.02); // sparsity is a fraction: a fixed scale makes the charts comparable
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    Png.style(chart);
    Png.write(chart, file, WIDTH, HEIGHT);
  }
}

package org.smcbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The paper's main figure for one dataset × model: the metric's mean over seeds against target
 * sparsity, one line per sparse method, 95 % intervals as error bars where the leaderboard has
 * them, and the dense model's level as a horizontal line.
 */
final class MetricSparsityChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 500;

  private MetricSparsityChart() {}

  /** {@code rows}: the leaderboard rows of one dataset × model, dense row(s) included. */
  static void write(String title, List<Row> rows, Path file) throws IOException {
    Png.headless();
    Map<String, YIntervalSeries> byMethod = new TreeMap<>();
    TreeSet<String> metricNames = new TreeSet<>();
    Double dense = null;
    for (Row r : rows) {
      metricNames.add(r.getAs("metric_name"));
      if (dense == null && !r.isNullAt(r.fieldIndex("dense_mean"))) {
        dense = r.getAs("dense_mean");
      }
      if (ReportJob.DENSE.equals(r.getAs("method")) || r.isNullAt(r.fieldIndex("metric_mean"))) {
        continue;
      }
      double mean = r.getAs("metric_mean");
      double low = r.isNullAt(r.fieldIndex("ci95_low")) ? mean : r.<Double>getAs("ci95_low");
      double high = r.isNullAt(r.fieldIndex("ci95_high")) ? mean : r.<Double>getAs("ci95_high");
      byMethod.computeIfAbsent(r.getAs("method"), YIntervalSeries::new)
          .add(r.<Double>getAs("target_sparsity") * 100, mean, low, high);
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    byMethod.values().forEach(data::addSeries);

    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDefaultLinesVisible(true);
    renderer.setDefaultShapesVisible(true);
    renderer.setDrawXError(false);
    renderer.setCapLength(6);
    NumberAxis x = new NumberAxis("target sparsity (%)");
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(String.join(" / ", metricNames));
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);

    Range range = DatasetUtils.findRangeBounds(data, true);
    if (dense != null) {
      ValueMarker marker = new ValueMarker(dense, Color.DARK_GRAY,
          new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      marker.setLabel("dense");
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addRangeMarker(marker);
      // Auto-range ignores markers: widen it so a dense level above or below every point still shows.
      range = Range.expandToInclude(range, dense);
    }
    if (range != null) {
      double pad = Math.max(range.getLength() * 0.08, 1e-3);
      y.setRange(range.getLowerBound() - pad, range.getUpperBound() + pad);
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    Png.style(chart);
    Png.write(chart, file, WIDTH, HEIGHT);
  }
}

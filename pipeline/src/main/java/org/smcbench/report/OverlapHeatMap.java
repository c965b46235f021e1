package org.smcbench.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * How much two methods' masks agree: the Jaccard index of the kept weights (averaged over seeds)
 * for every pair of methods at one dataset × model × target sparsity. The table stores each pair
 * once (method_a &lt; method_b); the map is symmetric with 1 on the diagonal.
 */
final class OverlapHeatMap {
  static final int WIDTH = 640;
  static final int HEIGHT = 560;
  private static final int SHADES = 20;

  private OverlapHeatMap() {}

  /** White (no overlap) to dark blue (identical masks) in 20 steps of 0.05. */
  static PaintScale scale() {
    LookupPaintScale scale = new LookupPaintScale(0.0, 1.0, Color.LIGHT_GRAY);
    for (int s = 0; s < SHADES; s++) {
      float t = s / (float) (SHADES - 1);
      scale.add(s / (double) SHADES, new Color(1f - 0.9f * t, 1f - 0.7f * t, 1f - 0.3f * t));
    }
    return scale;
  }

  /** {@code rows}: method_a, method_b, jaccard (already averaged over seeds). */
  static void write(String title, List<Row> rows, Path file) throws IOException {
    Png.headless();
    TreeSet<String> names = new TreeSet<>();
    for (Row r : rows) {
      names.add(r.getAs("method_a"));
      names.add(r.getAs("method_b"));
    }
    List<String> methods = new ArrayList<>(names);
    List<double[]> cells = new ArrayList<>();
    for (int i = 0; i < methods.size(); i++) {
      cells.add(new double[] {i, i, 1.0});
    }
    for (Row r : rows) {
      int a = methods.indexOf(r.<String>getAs("method_a"));
      int b = methods.indexOf(r.<String>getAs("method_b"));
      double j = r.getAs("jaccard");
      cells.add(new double[] {a, b, j});
      cells.add(new double[] {b, a, j});
    }
    double[][] xyz = new double[3][cells.size()];
    for (int c = 0; c < cells.size(); c++) {
      for (int k = 0; k < 3; k++) {
        xyz[k][c] = cells.get(c)[k];
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("jaccard", xyz);

    PaintScale scale = scale();
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    String[] symbols = methods.toArray(new String[0]);
    SymbolAxis x = new SymbolAxis("method", symbols);
    x.setGridBandsVisible(false);
    x.setVerticalTickLabels(methods.size() > 4);
    SymbolAxis y = new SymbolAxis("method", symbols);
    y.setGridBandsVisible(false);
    y.setInverted(true); // first method on top, like a matrix
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.LIGHT_GRAY); // pairs the table lacks stay grey
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    for (double[] cell : cells) {
      XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", cell[2]), cell[0], cell[1]);
      label.setFont(font);
      label.setPaint(cell[2] > 0.6 ? Color.WHITE : Color.BLACK);
      plot.addAnnotation(label);
    }

    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    NumberAxis legendAxis = new NumberAxis("Jaccard of kept weights");
    legendAxis.setRange(0.0, 1.0);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    legend.setStripWidth(14);
    chart.addSubtitle(legend);
    Png.write(chart, file, WIDTH, HEIGHT);
  }
}

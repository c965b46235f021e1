package org.smcbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.results.Warehouse;
import org.smcbench.testing.SparkTestSession;

class ReportJobTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir
  Path dir;

  @Test
  void writesEveryChartAsPngAndAPageThatNamesThemAndShowsTheTables() throws Exception {
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "report_full");
    ReportFixture.writeAll(warehouse);
    Files.createDirectories(dir.resolve("out/charts"));
    Files.writeString(dir.resolve("out/charts/stale-from-an-old-report.png"), "old");

    ReportJob.Report report = ReportJob.run(warehouse, dir.resolve("out"));

    assertEquals(dir.resolve("out/index.html").toAbsolutePath(), report.page());
    String s = ReportFixture.MODEL_SLUG;
    List<String> expected = List.of("metric-csqa-" + s + ".png", "layers-csqa-" + s + "-s50.png",
        "layers-csqa-" + s + "-s90.png", "overlap-csqa-" + s + "-s50.png", "overlap-csqa-" + s + "-s90.png");
    assertEquals(expected, report.charts().stream().map(p -> p.getFileName().toString()).toList());
    try (var files = Files.list(dir.resolve("out/charts"))) {
      assertEquals(expected.stream().sorted().toList(), files.map(p -> p.getFileName().toString()).sorted().toList(),
          "exactly the new charts: the stale one is gone");
    }
    for (Path chart : report.charts()) {
      String name = chart.getFileName().toString();
      int[] size = name.startsWith("metric") ? new int[] {MetricSparsityChart.WIDTH, MetricSparsityChart.HEIGHT}
          : name.startsWith("layers") ? new int[] {LayerProfileChart.WIDTH, LayerProfileChart.HEIGHT}
          : new int[] {OverlapHeatMap.WIDTH, OverlapHeatMap.HEIGHT};
      assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(chart), 8), name);
      BufferedImage image = ImageIO.read(chart.toFile());
      assertNotNull(image, name);
      assertArrayEquals(size, new int[] {image.getWidth(), image.getHeight()}, name);
    }

    String html = Files.readString(report.page(), StandardCharsets.UTF_8);
    for (String name : expected) {
      assertTrue(html.contains("<img src=\"charts/" + name + "\""), name);
    }
    assertTrue(html.contains("<td class=\"num\">0.6125</td>"), "gmp's mean at 50 % in the leaderboard");
    assertTrue(html.contains("<td class=\"num\">0.3137</td>"), "omp's AUC in the matching table");
    assertTrue(html.contains(ReportFixture.MODEL_HTML), "model name escaped");
    assertFalse(html.contains("<v2>"), "no raw markup from the tables");
    assertFalse(html.contains("Not available"), html);
  }

  @Test
  void heatMapShowsTheSeedMeanOfTheWholeModelRows() throws Exception {
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "report_overlap");
    ReportFixture.writeAll(warehouse);
    ReportJob.Report report = ReportJob.run(warehouse, dir.resolve("out"));
    Path chart = dir.resolve("out/charts/overlap-csqa-" + ReportFixture.MODEL_SLUG + "-s50.png");
    BufferedImage map = ImageIO.read(chart.toFile());

    // Two off-diagonal cells (tens of thousands of pixels) in the shade of 0.35 = mean(0.30, 0.40);
    // the colour scale legend alone holds a few hundred pixels of any shade.
    int cell = OverlapHeatMap.WIDTH * OverlapHeatMap.HEIGHT / 40;
    assertTrue(count(map, OverlapHeatMap.scale().getPaint(0.35)) > cell, "gmp × omp in the shade of 0.35");
    assertTrue(count(map, OverlapHeatMap.scale().getPaint(1.0)) > cell, "diagonal in the shade of 1");
    assertTrue(count(map, OverlapHeatMap.scale().getPaint(0.30)) < cell / 4, "not one seed alone");
    assertTrue(count(map, OverlapHeatMap.scale().getPaint(0.9)) < cell / 4, "per-parameter rows left out");
    assertEquals(5, report.charts().size());
  }

  @Test
  void missingDerivedTablesLeaveANoteInsteadOfFailing() throws Exception {
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "report_partial");
    ReportFixture.writeLeaderboard(warehouse);
    ReportFixture.writeLayerProfile(warehouse);

    ReportJob.Report report = ReportJob.run(warehouse, dir.resolve("out"));

    assertEquals(3, report.charts().size(), "metric chart and two layer charts, no heat maps");
    String html = Files.readString(report.page(), StandardCharsets.UTF_8);
    assertTrue(html.contains("Not available: table report_partial.mask_overlap does not exist yet."), html);
    assertTrue(html.contains("Not available: table report_partial.matching_sparsity does not exist yet."), html);
    assertFalse(html.contains("overlap-"), html);
  }

  @Test
  void warehouseWithoutRunsIsAClearError() throws Exception {
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "report_empty");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ReportJob.run(warehouse, dir.resolve("out")));
    assertEquals("no runs: table report_empty.runs does not exist: run `smc-bench sweep` first", e.getMessage());
    assertFalse(Files.exists(dir.resolve("out/index.html")));
  }

  private static int count(BufferedImage image, java.awt.Paint paint) {
    int rgb = ((Color) paint).getRGB();
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += image.getRGB(x, y) == rgb ? 1 : 0;
      }
    }
    return n;
  }
}

package org.smcbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.results.Warehouse;
import org.smcbench.testing.SparkTestSession;

/**
 * The report opened from disk in a real browser: it loads, every chart image decodes, and the
 * console stays silent. Skips when no Chromium is installed. The last two tests show that the
 * checks catch a broken image and a console error (a page that passed them all would prove nothing).
 */
class ReportBrowserTest {
  @TempDir
  Path dir;

  private HeadlessChromium chromium;

  @BeforeEach
  void findChromium() {
    chromium = HeadlessChromium.find().orElse(null);
    Assumptions.assumeTrue(chromium != null, "no chromium or chromium-browser on PATH");
  }

  @Test
  void reportLoadsFromDiskWithEveryImageAndNoConsoleMessages() throws Exception {
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "report_browser");
    ReportFixture.writeAll(warehouse);
    ReportJob.Report report = ReportJob.run(warehouse, dir.resolve("out"));

    HeadlessChromium.Page page = chromium.load(report.page(), dir.resolve("chromium"));

    assertTrue(page.dom().contains("<h1>SMC-Bench report</h1>"), page.dom());
    assertArrayEquals(new int[] {report.charts().size(), 0}, page.imageCheck().orElseThrow(),
        "images on the page, broken images");
    assertEquals(5, report.charts().size());
    assertTrue(page.consoleMessages().isEmpty(), String.join("\n", page.consoleMessages()));
  }

  @Test
  void aMissingChartIsCountedAsBroken() throws Exception {
    Path html = dir.resolve("broken.html");
    Files.writeString(html, new HtmlPage("broken").image("charts/missing.png", "missing", 10, 10).render());

    HeadlessChromium.Page page = chromium.load(html, dir.resolve("chromium"));

    assertArrayEquals(new int[] {1, 1}, page.imageCheck().orElseThrow(), page.dom());
  }

  @Test
  void aConsoleErrorIsSeen() throws Exception {
    Path html = dir.resolve("error.html");
    Files.writeString(html, new HtmlPage("error").render()
        .replace("</body>", "<script>console.error('report-test-marker');</script></body>"));

    HeadlessChromium.Page page = chromium.load(html, dir.resolve("chromium"));

    assertEquals(1, page.consoleMessages().size(), page.consoleMessages().toString());
    assertTrue(page.consoleMessages().get(0).contains("report-test-marker"), page.consoleMessages().get(0));
    assertArrayEquals(new int[] {0, 0}, page.imageCheck().orElseThrow());
  }
}

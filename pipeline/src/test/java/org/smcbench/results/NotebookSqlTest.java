package org.smcbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;
import org.smcbench.ingest.IngestJob;
import org.smcbench.sweep.SweepJob;
import org.smcbench.testing.CsqaFixture;
import org.smcbench.testing.SparkTestSession;

/**
 * Every SQL statement of every notebook in {@code notebooks/} runs against a warehouse the
 * quickstart's sweep built (its grid and methods, on a fixture and a one-layer model so it takes
 * a minute), aggregated twice as two nightly runs would, so the time-travel comparison has a past
 * version. A cell returns rows unless its comment says "(may be empty)".
 */
class NotebookSqlTest {
  private static final String HEADER = "-- Databricks notebook source";
  private static final String SEPARATOR = "-- COMMAND ----------";
  @TempDir static Path dir;
  private static Warehouse warehouse;

  /** One cell's SQL, its comment lines, and where it came from. */
  record Cell(String notebook, int index, String sql, String comments) {}

  @BeforeAll
  static void quickstartWarehouse() throws Exception {
    CsqaFixture.write(dir.resolve("data"), 40, 10);
    Path quickstart = projectRoot().resolve("conf/quickstart.conf");
    Settings settings = ConfigLoader.load(quickstart.toFile(), List.of(
        "data.root=\"" + dir.resolve("data") + "\"",
        "models.minilm.layers=1", "models.minilm.max-seq-len=32",
        "training.steps=4", "training.warmup-steps=1", "training.batch-size=4",
        "methods.gmp.frequency=1"), Map.of());
    warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "smc");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    IngestJob.run(settings, warehouse, quiet);
    SweepJob.Summary sweep = new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
    assertEquals(0, sweep.failed(), "quickstart sweep on the fixture");
    AggregateJob.run(warehouse, settings.matchingTolerance());
    AggregateJob.run(warehouse, settings.matchingTolerance()); // the next night: leaderboard version 1
    warehouse.registerAll();
  }

  static Path projectRoot() {
    return Path.of(System.getProperty("smc.project.root", "..")).toAbsolutePath().normalize();
  }

  static List<Cell> cells(Path notebook) throws IOException {
    List<String> lines = Files.readAllLines(notebook);
    assertEquals(HEADER, lines.get(0), notebook + ": Databricks source notebooks start with this line");
    List<Cell> cells = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    StringBuilder comments = new StringBuilder();
    for (String line : lines.subList(1, lines.size())) {
      if (line.equals(SEPARATOR)) {
        addCell(cells, notebook, sql, comments);
        sql.setLength(0);
        comments.setLength(0);
      } else if (line.startsWith("--")) {
        comments.append(line).append('\n'); // comments and MAGIC (markdown) lines
      } else {
        sql.append(line).append('\n');
      }
    }
    addCell(cells, notebook, sql, comments);
    return cells;
  }

  private static void addCell(List<Cell> cells, Path notebook, StringBuilder sql, StringBuilder comments) {
    if (!sql.toString().isBlank()) {
      cells.add(new Cell(notebook.getFileName().toString(), cells.size(), sql.toString().trim(), comments.toString()));
    }
  }

  @Test
  void everyNotebookStatementRuns() throws IOException {
    List<Path> notebooks;
    try (Stream<Path> files = Files.list(projectRoot().resolve("notebooks"))) {
      notebooks = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertTrue(notebooks.size() >= 5, "leaderboard, matching, layerwise, overlap, nightly: " + notebooks);
    int statements = 0;
    for (Path notebook : notebooks) {
      for (Cell cell : cells(notebook)) {
        assertFalse(cell.sql().contains(";") && !cell.sql().endsWith(";"), cell + ": one statement per cell");
        long rows;
        try {
          rows = warehouse.spark().sql(cell.sql()).collectAsList().size();
        } catch (Exception e) {
          throw new AssertionError(cell.notebook() + " cell " + cell.index() + " failed:\n" + cell.sql(), e);
        }
        if (!cell.comments().contains("(may be empty)")) {
          assertTrue(rows > 0, cell.notebook() + " cell " + cell.index() + " returned no rows:\n" + cell.sql());
        }
        statements++;
      }
    }
    assertTrue(statements >= 12, statements + " statements");
  }

  @Test
  void timeTravelSeesTheEarlierNight() {
    long versions = warehouse.spark().sql("DESCRIBE HISTORY smc.leaderboard").count();
    assertEquals(2, versions);
    long before = warehouse.spark().sql("SELECT * FROM smc.leaderboard VERSION AS OF 0").count();
    assertEquals(warehouse.read(Tables.LEADERBOARD).count(), before);
    assertEquals(6, before, "quickstart: dense, OMP (After) at 36 and 59 %, Random (After), SNIP, GMP at 59 %");
  }
}

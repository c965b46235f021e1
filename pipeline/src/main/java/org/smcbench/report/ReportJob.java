package org.smcbench.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;

/**
 * The static report: {@code index.html} plus {@code charts/*.png} from the warehouse's derived
 * tables. Those are small (one row per cell of the sweep), so they are collected to the driver
 * and drawn there. Everything is grouped by the values in the rows (dataset, model, method,
 * metric_name), so a new task or method needs no change here. A derived table that is missing
 * leaves a note in its section; only a warehouse without any runs is an error.
 */
public final class ReportJob {
  static final String DENSE = "dense";
  static final String PAGE = "index.html";
  static final String CHARTS = "charts";

  /** What was written: the page and every chart file. */
  public record Report(Path page, List<Path> charts) {}

  private ReportJob() {}

  public static Report run(Warehouse warehouse, Path outDir) throws IOException {
    Png.headless();
    List<Row> board = leaderboard(warehouse);
    Path out = outDir.toAbsolutePath().normalize();
    Path chartDir = out.resolve(CHARTS);
    Files.createDirectories(chartDir);
    removeOldCharts(chartDir);

    Charts charts = new Charts(chartDir);
    HtmlPage page = new HtmlPage("SMC-Bench report");
    page.paragraph("Warehouse " + warehouse.root() + " (database " + warehouse.database() + "), "
        + Tables.LEADERBOARD + " version " + warehouse.version(Tables.LEADERBOARD) + ".");

    page.heading(2, "Metric vs sparsity");
    for (Map.Entry<List<Object>, List<Row>> g : group(board, "dataset", "model").entrySet()) {
      String dataset = str(g.getKey().get(0));
      String model = str(g.getKey().get(1));
      String title = dataset + " / " + model;
      String file = charts.name("metric", dataset, model);
      MetricSparsityChart.write(title, g.getValue(), charts.path(file));
      page.image(CHARTS + "/" + file, title + ": mean over seeds vs target sparsity",
          MetricSparsityChart.WIDTH, MetricSparsityChart.HEIGHT);
    }

    page.heading(2, "Leaderboard");
    page.table(board.get(0).schema().fieldNames(), board); // rows carry their schema: no second read

    page.heading(2, "Highest matching sparsity");
    if (available(warehouse, Tables.MATCHING_SPARSITY, page)) {
      Dataset<Row> matching = warehouse.read(Tables.MATCHING_SPARSITY)
          .orderBy("dataset", "model", "auc_rank", "method");
      page.table(matching.columns(), matching.collectAsList());
    }

    if (warehouse.exists(Tables.TRANSLATION_SCORES)) {
      // Per direction, mean over seeds, beside copying the source; the leaderboard has the average.
      page.heading(2, "Translation by direction");
      Dataset<Row> directions = warehouse.read(Tables.TRANSLATION_SCORES)
          .groupBy("dataset", "model", "method", "target_sparsity", "direction")
          .agg(countDistinct("seed").as("n_seeds"), avg("bleu").as("bleu"), avg("chrf").as("chrf"),
              avg("copy_bleu").as("copy_bleu"), avg("copy_chrf").as("copy_chrf"),
              first("bleu_signature").as("bleu_signature"))
          .orderBy("dataset", "model", "target_sparsity", "method", "direction");
      page.table(directions.columns(), directions.collectAsList());
    }

    page.heading(2, "Layerwise sparsity");
    if (available(warehouse, Tables.LAYER_PROFILE, page)) {
      // Dense runs are (almost) all kept; their profile is the flat line a sparse chart does not need.
      List<Row> layers = warehouse.read(Tables.LAYER_PROFILE).where("method <> '" + DENSE + "'")
          .orderBy("dataset", "model", "target_sparsity", "method", "position").collectAsList();
      for (Map.Entry<List<Object>, List<Row>> g : group(layers, "dataset", "model", "target_sparsity").entrySet()) {
        String dataset = str(g.getKey().get(0));
        String model = str(g.getKey().get(1));
        String sparsity = Slug.percent((Double) g.getKey().get(2));
        String title = dataset + " / " + model + " at " + sparsity + "% sparsity";
        String file = charts.name("layers", dataset, model, "s" + sparsity);
        LayerProfileChart.write(title, g.getValue(), charts.path(file));
        page.image(CHARTS + "/" + file, title + ": sparsity of each tensor in model order",
            LayerProfileChart.WIDTH, LayerProfileChart.HEIGHT);
      }
    }

    page.heading(2, "Mask overlap");
    if (available(warehouse, Tables.MASK_OVERLAP, page)) {
      // The whole-model row of each pair (parameter '*'), averaged over the seeds both methods ran.
      List<Row> overlap = warehouse.read(Tables.MASK_OVERLAP).where("parameter = '*'")
          .groupBy("dataset", "model", "target_sparsity", "method_a", "method_b")
          .agg(avg("jaccard").as("jaccard"), countDistinct("seed").as("n_seeds"))
          .orderBy("dataset", "model", "target_sparsity", "method_a", "method_b").collectAsList();
      if (overlap.isEmpty()) {
        page.note("No whole-model rows (parameter '*') in " + warehouse.qualified(Tables.MASK_OVERLAP) + ".");
      }
      for (Map.Entry<List<Object>, List<Row>> g : group(overlap, "dataset", "model", "target_sparsity").entrySet()) {
        String dataset = str(g.getKey().get(0));
        String model = str(g.getKey().get(1));
        String sparsity = Slug.percent((Double) g.getKey().get(2));
        long seeds = g.getValue().stream().mapToLong(r -> r.<Long>getAs("n_seeds")).max().orElse(0);
        String title = dataset + " / " + model + " at " + sparsity + "% sparsity";
        String file = charts.name("overlap", dataset, model, "s" + sparsity);
        OverlapHeatMap.write(title, g.getValue(), charts.path(file));
        page.image(CHARTS + "/" + file, title + ": Jaccard of the kept weights, mean over " + seeds
            + (seeds == 1 ? " seed" : " seeds"), OverlapHeatMap.WIDTH, OverlapHeatMap.HEIGHT);
      }
    }

    Path index = out.resolve(PAGE);
    Files.writeString(index, page.render(), StandardCharsets.UTF_8);
    return new Report(index, List.copyOf(charts.written));
  }

  /** The leaderboard rows, or an error saying which step to run when there are no runs. */
  private static List<Row> leaderboard(Warehouse warehouse) {
    if (!warehouse.exists(Tables.LEADERBOARD)) {
      throw new IllegalStateException(warehouse.exists(Tables.RUNS)
          ? "table " + warehouse.qualified(Tables.LEADERBOARD) + " does not exist: run `smc-bench aggregate` first"
          : "no runs: table " + warehouse.qualified(Tables.RUNS) + " does not exist: run `smc-bench sweep` first");
    }
    List<Row> rows = warehouse.read(Tables.LEADERBOARD).orderBy("dataset", "model", "target_sparsity", "method")
        .collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalStateException("no runs: table " + warehouse.qualified(Tables.LEADERBOARD)
          + " is empty: run `smc-bench sweep` and `smc-bench aggregate` first");
    }
    return rows;
  }

  /** Whether a section's table exists; if not, the section says so. */
  private static boolean available(Warehouse warehouse, String table, HtmlPage page) {
    if (warehouse.exists(table)) {
      return true;
    }
    page.note("Not available: table " + warehouse.qualified(table) + " does not exist yet.");
    return false;
  }

  /** Rows grouped by the values of some columns, groups in the rows' order. */
  private static Map<List<Object>, List<Row>> group(List<Row> rows, String... columns) {
    Map<List<Object>, List<Row>> groups = new LinkedHashMap<>();
    for (Row r : rows) {
      List<Object> key = new ArrayList<>();
      for (String c : columns) {
        key.add(r.getAs(c));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    return groups;
  }

  private static String str(Object value) {
    return String.valueOf(value);
  }

  /**
   * Charts of an earlier report for combinations no longer in the tables would otherwise linger
   * beside the new page; only PNGs directly in the charts folder are removed.
   */
  private static void removeOldCharts(Path chartDir) throws IOException {
    try (DirectoryStream<Path> old = Files.newDirectoryStream(chartDir, "*.png")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
  }

  /** Unique file names in the charts folder and the list of files written. */
  private static final class Charts {
    final Path dir;
    final Slug slugs = new Slug();
    final List<Path> written = new ArrayList<>();

    Charts(Path dir) {
      this.dir = dir;
    }

    String name(String prefix, String... parts) {
      return slugs.file(prefix, parts);
    }

    Path path(String file) {
      Path p = dir.resolve(file);
      written.add(p);
      return p;
    }
  }
}

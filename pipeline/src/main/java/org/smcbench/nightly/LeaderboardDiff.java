package org.smcbench.nightly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Which leaderboard cells (dataset, model, method, target sparsity) moved between two versions:
 * added, removed, or changed — the metric mean differs by more than {@code epsilon}, or the
 * matching-dense verdict flipped. Pure: the rows come from {@link NightlyCompare}.
 */
public final class LeaderboardDiff {
  public static final String ADDED = "added";
  public static final String REMOVED = "removed";
  public static final String CHANGED = "changed";

  /** The key columns of a cell and the values compared. */
  public record Cell(String dataset, String model, String method, double targetSparsity, String metricName,
      Double metricMean, Boolean matching) {
    String key() {
      return dataset + "\u0000" + model + "\u0000" + method + "\u0000" + Double.doubleToLongBits(targetSparsity);
    }
  }

  /** One moved cell: both sides (null where absent) and {@code difference} = to − from of the mean. */
  public record Change(String change, String dataset, String model, String method, double targetSparsity,
      String metricName, Double metricFrom, Double metricTo, Double difference, Boolean matchingFrom,
      Boolean matchingTo) {}

  public static final StructType SCHEMA = new StructType()
      .add("change", DataTypes.StringType, false)
      .add("dataset", DataTypes.StringType, false)
      .add("model", DataTypes.StringType, false)
      .add("method", DataTypes.StringType, false)
      .add("target_sparsity", DataTypes.DoubleType, false)
      .add("metric_name", DataTypes.StringType, true)
      .add("metric_from", DataTypes.DoubleType, true)
      .add("metric_to", DataTypes.DoubleType, true)
      .add("difference", DataTypes.DoubleType, true)
      .add("matching_from", DataTypes.BooleanType, true)
      .add("matching_to", DataTypes.BooleanType, true);

  private LeaderboardDiff() {}

  /** The cells of a leaderboard read (any version). */
  public static List<Cell> cells(Dataset<Row> leaderboard) {
    List<Cell> out = new ArrayList<>();
    for (Row r : leaderboard.select("dataset", "model", "method", "target_sparsity", "metric_name", "metric_mean",
        "matching").collectAsList()) {
      out.add(new Cell(r.getString(0), r.getString(1), r.getString(2), r.getDouble(3), r.getString(4),
          r.isNullAt(5) ? null : r.getDouble(5), r.isNullAt(6) ? null : r.getBoolean(6)));
    }
    return out;
  }

  /** The moved cells, ordered by dataset, model, target sparsity, method. */
  public static List<Change> diff(List<Cell> from, List<Cell> to, double epsilon) {
    Map<String, Cell> before = byKey(from);
    Map<String, Cell> after = byKey(to);
    List<Change> out = new ArrayList<>();
    for (Cell a : after.values()) {
      Cell b = before.get(a.key());
      if (b == null) {
        out.add(change(ADDED, a, null, a));
      } else if (moved(b, a, epsilon)) {
        out.add(change(CHANGED, a, b, a));
      }
    }
    for (Cell b : before.values()) {
      if (!after.containsKey(b.key())) {
        out.add(change(REMOVED, b, b, null));
      }
    }
    out.sort(Comparator.comparing(Change::dataset).thenComparing(Change::model)
        .thenComparingDouble(Change::targetSparsity).thenComparing(Change::method));
    return out;
  }

  static boolean moved(Cell b, Cell a, double epsilon) {
    if (!Objects.equals(b.matching(), a.matching())) {
      return true;
    }
    if (b.metricMean() == null || a.metricMean() == null) {
      return (b.metricMean() == null) != (a.metricMean() == null);
    }
    return Math.abs(a.metricMean() - b.metricMean()) > epsilon;
  }

  private static Change change(String kind, Cell id, Cell from, Cell to) {
    Double f = from == null ? null : from.metricMean();
    Double t = to == null ? null : to.metricMean();
    return new Change(kind, id.dataset(), id.model(), id.method(), id.targetSparsity(), id.metricName(), f, t,
        f == null || t == null ? null : t - f, from == null ? null : from.matching(), to == null ? null : to.matching());
  }

  private static Map<String, Cell> byKey(List<Cell> cells) {
    Map<String, Cell> out = new LinkedHashMap<>();
    for (Cell c : cells) {
      if (out.put(c.key(), c) != null) {
        throw new IllegalArgumentException("leaderboard has two rows for cell (" + c.dataset() + ", " + c.model()
            + ", " + c.method() + ", " + c.targetSparsity() + ")");
      }
    }
    return out;
  }

  /** The changes as rows of {@link #SCHEMA}, for printing. */
  public static List<Row> rows(List<Change> changes) {
    return changes.stream().map(c -> RowFactory.create(c.change(), c.dataset(), c.model(), c.method(),
        c.targetSparsity(), c.metricName(), c.metricFrom(), c.metricTo(), c.difference(), c.matchingFrom(),
        c.matchingTo())).toList();
  }
}

package org.smcbench.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;

/**
 * When each recorded run held its executor, [finished_at − wall_seconds, finished_at] from the
 * runs table (both taken on the executor): the evidence of whether runs on one executor overlapped.
 */
public final class RunTimeline {
  private RunTimeline() {}

  /** One run's span in seconds from the sweep's first start. */
  public record Span(String executor, String run, double start, double end) {}

  /** Every run's span, ordered by start. */
  public static List<Span> read(Warehouse warehouse) {
    List<Row> rows = warehouse.read(Tables.RUNS)
        .selectExpr("executor_id", "concat(method, ' seed ', seed, ' s=', round(target_sparsity, 3))",
            "unix_millis(finished_at) / 1000.0 - wall_seconds", "unix_millis(finished_at) / 1000.0")
        .collectAsList();
    double origin = rows.stream().mapToDouble(r -> ((Number) r.get(2)).doubleValue()).min().orElse(0);
    List<Span> spans = new ArrayList<>();
    for (Row r : rows) {
      spans.add(new Span(String.valueOf(r.get(0)), r.getString(1), ((Number) r.get(2)).doubleValue() - origin,
          ((Number) r.get(3)).doubleValue() - origin));
    }
    spans.sort(Comparator.comparingDouble(Span::start));
    return spans;
  }

  /** The most runs any one executor had in progress at one moment (spans that only touch do not overlap). */
  public static int maxConcurrentPerExecutor(List<Span> spans) {
    int most = 0;
    for (Span s : spans) {
      // The count is highest at some span's start: count the spans of its executor open then.
      int open = 0;
      for (Span o : spans) {
        if (o.executor().equals(s.executor()) && o.start() <= s.start() && o.end() > s.start()) {
          open++;
        }
      }
      most = Math.max(most, open);
    }
    return most;
  }
}

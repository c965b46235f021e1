package org.smcbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.sparsity.MaskSet;
import org.smcbench.testing.SparkTestSession;

/**
 * New runs are appended, re-runs replace by MERGE, a killed sweep's orphaned detail rows are
 * removed, and no writer thread outlives a call.
 */
class ResultsStoreTest {
  @TempDir Path dir;

  private static RunOutcome outcome(String key, double accuracy) {
    RunRecord r = new RunRecord(key, "t", "ds", "", "m", "omp_after", "after", 0.5, 0.5, 1, "global", "all-matrices",
        "accuracy", accuracy, 0.2, "{}", RunRecord.SUCCEEDED, null, null, null, 10, 1.0, 1.0, "{}", "cpu", "0", "v", 0,
        null, "{}", 0L);
    boolean[] kept = {true, false, true};
    return new RunOutcome(r, List.of(new LayerRecord(key, 0, "w", 0, "ffn_in", 3, 1)),
        List.of(new MaskRecord(key, 0, "w", 3, 2, MaskSet.pack(kept))));
  }

  @Test
  void freshRowsAppendRerunsReplaceAndOrphansGo() throws Exception {
    Warehouse warehouse = SparkTestSession.newWarehouse(dir, "results_store_test");
    ResultsStore store = new ResultsStore(warehouse);
    store.record(List.of(outcome("a", 0.3)), true); // creates the tables
    store.record(List.of(outcome("b", 0.4)), true); // appended
    assertEquals(2, warehouse.read(Tables.RUNS).count());
    assertEquals(2, warehouse.read(Tables.MASKS).count());
    // The detail writers end with each call: a thread kept alive would keep the session it
    // inherited as active, stopped once a later command in the same JVM has its own.
    List<Thread> writers = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(ResultsStore.WRITER_THREAD)).toList();
    for (Thread t : writers) {
      t.join(5000); // past the pool's termination a thread may take a moment to exit
    }
    assertEquals(List.of(), writers.stream().filter(Thread::isAlive).toList());

    store.record(List.of(outcome("b", 0.5)), false); // a re-run: replaced in place
    assertEquals(2, warehouse.read(Tables.RUNS).count());
    assertEquals(2, warehouse.read(Tables.LAYER_SPARSITY).count());
    assertEquals(0.5, warehouse.read(Tables.RUNS).where("run_key = 'b'").first().<Double>getAs("metric_value"));

    // A sweep killed after the details of run c but before its run row.
    warehouse.append(Tables.LAYER_SPARSITY, warehouse.spark().createDataFrame(
        List.of(RowFactory.create("c", 0, "w", 0, "ffn_in", 3L, 1L, 1.0 / 3)), ResultsStore.LAYER_SCHEMA));
    assertEquals(1, store.removeOrphanDetails(store.statuses().keySet()));
    assertEquals(0, warehouse.read(Tables.LAYER_SPARSITY).where("run_key = 'c'").count());
    assertEquals(2, warehouse.read(Tables.LAYER_SPARSITY).count());
    assertEquals(0, store.removeOrphanDetails(store.statuses().keySet()));
  }
}

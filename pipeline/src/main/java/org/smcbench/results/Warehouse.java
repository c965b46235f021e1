package org.smcbench.results;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta warehouse: one folder per table under {@code warehouse.path}, registered by name in
 * the configured database for SQL. All Delta writes of the pipeline go through here.
 */
public final class Warehouse {
  private final SparkSession spark;
  private final String root;
  private final String database;
  /** Tables already registered by this instance (registering reads the Delta log each time). */
  private final java.util.Set<String> registered = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public Warehouse(SparkSession spark, String root, String database) {
    this.spark = spark;
    String absolute = org.smcbench.data.DataPaths.absolute(root);
    this.root = absolute.endsWith("/") ? absolute.substring(0, absolute.length() - 1) : absolute;
    this.database = database;
  }

  public SparkSession spark() {
    return spark;
  }

  public String database() {
    return database;
  }

  /** The warehouse folder itself (tables and checkpoints live under it). */
  public String root() {
    return root;
  }

  public String path(String table) {
    return root + "/" + table;
  }

  public String qualified(String table) {
    return database + "." + table;
  }

  public boolean exists(String table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  public Dataset<Row> read(String table) {
    return spark.read().format("delta").load(path(table));
  }

  /** Current Delta version of a table, or -1 when it does not exist yet. */
  public long version(String table) {
    if (!exists(table)) {
      return -1;
    }
    return DeltaTable.forPath(spark, path(table)).history(1).select("version").head().getLong(0);
  }

  /** Registers every existing table as {@code database.table} so SQL can name it. */
  public void registerAll() {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + database);
    for (String table : Tables.ALL) {
      register(table);
    }
    Views.createAll(this);
  }

  private void register(String table) {
    if (registered.contains(table)) {
      return;
    }
    if (exists(table)) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + database);
      spark.sql("CREATE TABLE IF NOT EXISTS " + qualified(table) + " USING DELTA LOCATION '"
          + path(table).replace("'", "\\'") + "'");
      registered.add(table);
    }
  }

  /**
   * Inserts new rows and replaces rows whose key already exists (Delta MERGE), so re-running a
   * job never duplicates. The source is de-duplicated on the key first (MERGE requires it).
   */
  public void upsert(String table, Dataset<Row> rows, List<String> keys) {
    Dataset<Row> source = rows.dropDuplicates(keys.toArray(new String[0]));
    if (!exists(table)) {
      try {
        source.write().format("delta").mode("errorifexists").save(path(table));
        register(table);
        return;
      } catch (Exception e) {
        if (!exists(table)) {
          throw e;
        }
        // Another writer created it in between: fall through to MERGE.
      }
    }
    String condition = keys.stream().map(k -> "t." + k + " <=> s." + k).collect(Collectors.joining(" AND "));
    // Schema evolution: a warehouse written by an older version gains the new columns.
    DeltaTable.forPath(spark, path(table)).as("t")
        .merge(source.as("s"), condition)
        .withSchemaEvolution()
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
    register(table);
  }

  /**
   * Appends rows whose keys the caller knows are not in the table: one Delta commit, about 0.2 s
   * here where a MERGE of one row takes 3–4 s (measured). Schema evolution as for {@link #upsert}.
   */
  public void append(String table, Dataset<Row> rows) {
    rows.write().format("delta").mode("append").option("mergeSchema", "true").save(path(table));
    register(table);
  }

  /** Deletes the rows of {@code table} whose {@code column} is one of {@code values} (no-op when empty). */
  public void deleteWhereIn(String table, String column, List<String> values) {
    if (!values.isEmpty() && exists(table)) {
      DeltaTable.forPath(spark, path(table)).delete(org.apache.spark.sql.functions.col(column).isin(values.toArray()));
    }
  }

  /**
   * The table as it was at {@code version} (Delta time travel, {@code VERSION AS OF}). Lazy: a
   * version whose data files VACUUM removed fails only when rows are read.
   */
  public Dataset<Row> readVersion(String table, long version) {
    return spark.sql("SELECT * FROM delta.`" + path(table).replace("`", "``") + "` VERSION AS OF " + version);
  }

  /** OPTIMIZE (bin-packing compaction); returns {numFilesRemoved, numFilesAdded}. */
  public long[] optimize(String table) {
    Row metrics = DeltaTable.forPath(spark, path(table)).optimize().executeCompaction()
        .select("metrics.numFilesRemoved", "metrics.numFilesAdded").head();
    return new long[] {metrics.getLong(0), metrics.getLong(1)};
  }

  /** VACUUM: deletes files no version younger than {@code retentionHours} reads. */
  public void vacuum(String table, double retentionHours) {
    DeltaTable.forPath(spark, path(table)).vacuum(retentionHours);
  }

  /** Replaces a derived table (leaderboards): a new Delta version, so time travel still works. */
  public void overwrite(String table, Dataset<Row> rows) {
    rows.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path(table));
    register(table);
  }
}

package org.smcbench.ingest;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;

/**
 * {@code smc.ingest_state}: per dataset, the {@link InputFingerprint} its last successful ingest
 * read, with when, by which code version and (when a nightly ran it) which nightly. MERGE on dataset.
 */
public final class IngestState {
  static final StructType SCHEMA = new StructType()
      .add("dataset", DataTypes.StringType, false)
      .add("input_hash", DataTypes.StringType, false)
      .add("files_hash", DataTypes.StringType, false)
      .add("settings_hash", DataTypes.StringType, false)
      .add("files", DataTypes.IntegerType, false)
      .add("bytes", DataTypes.LongType, false)
      .add("code_version", DataTypes.StringType, false)
      .add("nightly_id", DataTypes.StringType, true)
      .add("ingested_at", DataTypes.TimestampType, false);

  private final Warehouse warehouse;

  public IngestState(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Dataset → the input hash its last ingest recorded (empty before the first). */
  public Map<String, String> hashes() {
    Map<String, String> out = new HashMap<>();
    if (warehouse.exists(Tables.INGEST_STATE)) {
      for (Row r : warehouse.read(Tables.INGEST_STATE).select("dataset", "input_hash").collectAsList()) {
        out.put(r.getString(0), r.getString(1));
      }
    }
    return out;
  }

  /** Records that these datasets were ingested as fingerprinted (MERGE: one row per dataset). */
  public void record(List<InputFingerprint> ingested, String codeVersion, String nightlyId) {
    if (ingested.isEmpty()) {
      return;
    }
    Timestamp now = new Timestamp(System.currentTimeMillis());
    List<Row> rows = new ArrayList<>();
    for (InputFingerprint f : ingested) {
      rows.add(RowFactory.create(f.dataset(), f.inputHash(), f.filesHash(), f.settingsHash(), f.files(), f.bytes(),
          codeVersion, nightlyId, now));
    }
    warehouse.upsert(Tables.INGEST_STATE, warehouse.spark().createDataFrame(rows, SCHEMA), List.of("dataset"));
  }
}

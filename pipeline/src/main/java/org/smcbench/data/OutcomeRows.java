package org.smcbench.data;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One Spark row type for both outcomes of parsing a raw record, a landed example or a quarantined
 * one, so one cached pass over the input yields both tables: the first column says which, then
 * the example's columns ({@code e_}), then the quarantine's ({@code x_}), the other side null.
 */
public final class OutcomeRows implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The two tables' rows of one read. */
  public record Split(Dataset<Row> examples, Dataset<Row> quarantine) {}

  private final StructType examples;
  private final StructType quarantine;
  private final StructType both;

  public OutcomeRows(StructType examples, StructType quarantine) {
    this.examples = examples;
    this.quarantine = quarantine;
    StructType s = new StructType().add("ok", DataTypes.BooleanType, false);
    for (var f : examples.fields()) {
      s = s.add("e_" + f.name(), f.dataType(), true);
    }
    for (var f : quarantine.fields()) {
      s = s.add("x_" + f.name(), f.dataType(), true);
    }
    this.both = s;
  }

  public StructType schema() {
    return both;
  }

  /** A landed example: its values in the example schema's order. */
  public Row example(Object... values) {
    Object[] v = new Object[both.size()];
    v[0] = true;
    System.arraycopy(values, 0, v, 1, values.length);
    return RowFactory.create(v);
  }

  /** A quarantined record: its values in the quarantine schema's order. */
  public Row quarantined(Object... values) {
    Object[] v = new Object[both.size()];
    v[0] = false;
    System.arraycopy(values, 0, v, 1 + examples.size(), values.length);
    return RowFactory.create(v);
  }

  /** The two tables of rows made by {@link #example} and {@link #quarantined}; cache {@code all} first. */
  public Split split(Dataset<Row> all) {
    return new Split(all.where("ok").select(columns(examples, "e_")), all.where("NOT ok").select(columns(quarantine, "x_")));
  }

  private static Column[] columns(StructType schema, String prefix) {
    return Arrays.stream(schema.fieldNames()).map(n -> functions.col(prefix + n).as(n)).toArray(Column[]::new);
  }
}

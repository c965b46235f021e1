package org.smcbench.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Prints a query result as an aligned table, CSV (RFC 4180 quoting) or JSON lines. */
final class TablePrinter {
  enum Format { TABLE, CSV, JSON }

  private TablePrinter() {}

  static void print(Dataset<Row> rows, Format format, PrintStream out) {
    switch (format) {
      case JSON -> rows.toJSON().collectAsList().forEach(out::println);
      case CSV -> {
        String[] columns = rows.columns();
        out.println(String.join(",", quoteAll(List.of(columns))));
        for (Row r : rows.collectAsList()) {
          out.println(String.join(",", quoteAll(cells(r, false))));
        }
      }
      case TABLE -> table(rows, out);
    }
    out.flush();
  }

  private static void table(Dataset<Row> rows, PrintStream out) {
    String[] columns = rows.columns();
    List<List<String>> body = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      body.add(cells(r, true));
    }
    int[] width = new int[columns.length];
    for (int c = 0; c < columns.length; c++) {
      width[c] = columns[c].length();
      for (List<String> row : body) {
        width[c] = Math.min(60, Math.max(width[c], row.get(c).length()));
      }
    }
    out.println(line(List.of(columns), width));
    StringBuilder rule = new StringBuilder();
    for (int w : width) {
      rule.append("-".repeat(w)).append("-+-");
    }
    out.println(rule.substring(0, Math.max(0, rule.length() - 3)));
    for (List<String> row : body) {
      out.println(line(row, width));
    }
    out.println("(" + body.size() + " rows)");
  }

  private static String line(List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String v = cells.get(c);
      if (v.length() > width[c]) {
        v = v.substring(0, width[c] - 1) + "…";
      }
      b.append(String.format("%-" + width[c] + "s", v));
      if (c < cells.size() - 1) {
        b.append(" | ");
      }
    }
    return b.toString();
  }

  /** Cell texts; {@code rounded} (the table) shows doubles to 4 decimals, CSV keeps every digit. */
  private static List<String> cells(Row r, boolean rounded) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.length(); i++) {
      Object v = r.get(i);
      out.add(v == null ? "null" : v instanceof Double d && rounded ? format(d) : String.valueOf(v));
    }
    return out;
  }

  /** 4 decimals; values that would show as 0.0000 (tiny p-values) in scientific notation. */
  static String format(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    return d != 0 && Math.abs(d) < 5e-5 ? String.format(java.util.Locale.ROOT, "%.2e", d)
        : String.format(java.util.Locale.ROOT, "%.4f", d);
  }

  private static List<String> quoteAll(List<String> cells) {
    List<String> out = new ArrayList<>();
    for (String c : cells) {
      out.add(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
    }
    return out;
  }
}

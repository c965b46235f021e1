package org.smcbench.data.mwp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.data.DataPaths;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.testing.SparkTestSession;

class MwpIngestTest {
  private static final String HEADER = MwpParserTest.MAWPS_HEADER;
  private static final String SVAMP_DEV_HEADER = "Question,Numbers,Equation,Answer,group_nums,Type,Variation Type,Body,Ques";

  @TempDir
  Path dir;

  private static String row(String numbers, String equation, String answer) {
    return MwpParserTest.row("\"Ann has number0 apples , Bob number1 .\"", numbers, equation, answer);
  }

  private void write(Path data, String relative, String header, String... rows) throws Exception {
    Path file = data.resolve(relative);
    Files.createDirectories(file.getParent());
    List<String> lines = new ArrayList<>(List.of(header));
    lines.addAll(List.of(rows));
    Files.write(file, lines);
  }

  /** One MERGE per table for the whole dataset, as the ingest job will do it. */
  private static MwpIngest.Counts ingest(Warehouse warehouse, DataPaths paths, MwpFolds folds) {
    return MwpIngest.upsert(warehouse, MwpIngest.readAll(warehouse.spark(), folds,
        e -> paths.require(e.path(), folds.dataset() + "." + e.fold() + "." + e.split())));
  }

  @Test
  void foldsLandMalformedRowsAreQuarantinedWithReasonsAndRerunChangesNothing() throws Exception {
    Path data = dir.resolve("data");
    String good = row("8.0 2.0", "- number0 number1", "6");
    // Fold 0 train: two identical rows (MAWPS has such) both land; three malformed rows.
    write(data, "cv/fold0/train.csv", HEADER, good, good, row("8.0 two", "- number0 number1", "6"),
        row("8.0 2.0", "+ number0 number1", "7"), row("8.0 2.0", "* * 0.01 number0 100.0", "8"));
    write(data, "cv/fold0/dev.csv", HEADER, row("3 4", "^ number0 number1", "81"), row("3 4", "+ number0 number2", "7"));
    write(data, "cv/fold1/train.csv", HEADER, row("5 4", "/ number0 number1", "1.25"));
    write(data, "cv/fold1/dev.csv", HEADER, good, "broken,line");
    write(data, "sv/train.csv", HEADER.replace("Ques_Statement", "Ques"), good);
    write(data, "sv/dev.csv", SVAMP_DEV_HEADER, "q number0 number1,18 10,- number0 number1,8.0,\"[1]\",Subtraction,11,b,q");
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "mwp_ingest_test");
    DataPaths paths = new DataPaths(data.toString(), warehouse.spark().sparkContext().hadoopConfiguration());
    MwpFolds cv = MwpFolds.crossValidated("mawps", "cv", 2);
    MwpFolds svamp = MwpFolds.singleSplit("svamp", "sv/train.csv", "sv/dev.csv");

    // Per file landed/quarantined: fold0 train 3/2, fold0 dev 1/1, fold1 train 1/0, fold1 dev 1/1.
    List<MwpIngest.Counts> first = List.of(ingest(warehouse, paths, cv), ingest(warehouse, paths, svamp));
    assertEquals(List.of(new MwpIngest.Counts(6, 4), new MwpIngest.Counts(2, 0)), first);

    List<Row> examples = warehouse.read(Tables.MWP_EXAMPLES).orderBy("dataset", "fold", "split", "line").collectAsList();
    assertEquals(8, examples.size());
    Row dev0 = warehouse.read(Tables.MWP_EXAMPLES).where("problem_id = 'mawps/fold0/dev:2'").first();
    assertEquals("0", dev0.getAs("fold"));
    assertEquals(List.of(3.0, 4.0), dev0.getList(dev0.fieldIndex("numbers")));
    assertEquals(List.of("^", "number0", "number1"), dev0.getList(dev0.fieldIndex("equation")));
    assertEquals(81.0, dev0.<Double>getAs("answer"));
    assertEquals(List.of("Ann", "has", "number0", "apples", ",", "Bob", "number1", "."),
        dev0.getList(dev0.fieldIndex("question_tokens")));
    assertTrue(dev0.<String>getAs("source_file").endsWith("cv/fold0/dev.csv"));
    assertEquals(2L, dev0.<Long>getAs("line"));
    Row sv = warehouse.read(Tables.MWP_EXAMPLES).where("dataset = 'svamp' AND split = 'dev'").first();
    assertEquals("", sv.getAs("fold"));
    assertEquals("svamp/dev:2", sv.getAs("problem_id"));
    assertEquals(8.0, sv.<Double>getAs("answer"));
    // The two identical rows land under their own line-based ids, with one content hash.
    List<Row> twins = warehouse.read(Tables.MWP_EXAMPLES).where("fold = '0' AND split = 'train'").orderBy("line")
        .collectAsList();
    assertEquals(List.of("mawps/fold0/train:2", "mawps/fold0/train:3", "mawps/fold0/train:6"),
        twins.stream().map(r -> r.<String>getAs("problem_id")).toList());
    assertEquals(twins.get(0).<String>getAs("content_hash"), twins.get(1).<String>getAs("content_hash"));
    assertEquals(MwpIngest.record(twins.get(2)).numbers(), List.of(8.0, 2.0));

    List<Row> bad = warehouse.read(Tables.QUARANTINE).orderBy("source_file", "record_no").collectAsList();
    assertEquals(4, bad.size());
    assertQuarantined(bad.get(0), "cv/fold0/dev.csv", 3, "field 'Equation' '+ number0 number2': number2 has no matching number");
    assertQuarantined(bad.get(1), "cv/fold0/train.csv", 4, "field 'Numbers': entry 1 'two' is not a number");
    assertQuarantined(bad.get(2), "cv/fold0/train.csv", 5, "field 'Answer' 7 is not reproduced by field 'Equation'");
    assertQuarantined(bad.get(3), "cv/fold1/dev.csv", 3, "has 2 fields, the header has 7");
    assertEquals("broken,line", bad.get(3).getAs("raw"));
    assertEquals("mawps", bad.get(3).getAs("dataset"));
    assertEquals("dev", bad.get(3).getAs("split"));

    List<MwpIngest.Counts> second = List.of(ingest(warehouse, paths, cv), ingest(warehouse, paths, svamp));
    assertEquals(first, second);
    assertEquals(8, warehouse.read(Tables.MWP_EXAMPLES).count());
    assertEquals(4, warehouse.read(Tables.QUARANTINE).count());
  }

  private static void assertQuarantined(Row q, String file, long line, String reasonPart) {
    String reason = q.getAs("reason");
    assertTrue(q.<String>getAs("source_file").endsWith(file), q.toString());
    assertEquals(line, q.<Long>getAs("record_no"));
    assertTrue(reason.contains(file + " line " + line + ": " + reasonPart), reason);
  }

  @Test
  void headerWithoutTheEquationColumnFailsNamingFileAndColumn() throws Exception {
    Path data = dir.resolve("data");
    write(data, "x/dev.csv", "Question,Numbers,Answer", "q,1,1");
    String file = data.resolve("x/dev.csv").toString();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MwpIngest.read(SparkTestSession.get(), "mawps", "0", "dev", file));
    assertTrue(e.getMessage().contains("x/dev.csv: header lacks column 'Equation'"), e.getMessage());
  }

  @Test
  void realMawpsFoldZeroAndSvampDevLandThroughSpark() throws Exception {
    Path shared = Path.of(System.getProperty("smc.project.root", "."), "..", "shared", "data").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isDirectory(shared.resolve("mawps")) && Files.isDirectory(shared.resolve("svamp")),
        shared + " lacks mawps or svamp");
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "mwp_ingest_real");
    DataPaths paths = new DataPaths(shared.toString(), warehouse.spark().sparkContext().hadoopConfiguration());
    MwpFolds mawps = MwpFolds.mawps();
    MwpFolds svamp = MwpFolds.svamp();
    // MAWPS fold 0: train 1527 + 10, dev 381 + 3; SVAMP dev 1000 + 0.
    assertEquals(new MwpIngest.Counts(1527 + 381, 13),
        ingest(warehouse, paths, new MwpFolds("mawps", List.of(mawps.entry("0", "train"), mawps.entry("0", "dev")))));
    assertEquals(new MwpIngest.Counts(1000, 0), ingest(warehouse, paths, new MwpFolds("svamp", List.of(svamp.entry("", "dev")))));
    assertEquals(13, warehouse.read(Tables.QUARANTINE).count());
    assertEquals(List.of("0/dev=381", "0/train=1527"), warehouse.read(Tables.MWP_EXAMPLES).where("dataset = 'mawps'")
        .groupBy("fold", "split").count().orderBy("split").collectAsList().stream()
        .map(r -> r.getString(0) + "/" + r.getString(1) + "=" + r.getLong(2)).toList());
    // The same lines the plain-Java parse of MwpRealDataTest rejects: Spark numbers lines alike.
    List<Long> devLines = warehouse.read(Tables.QUARANTINE).where("source_file LIKE '%fold0/dev.csv'")
        .orderBy("record_no").collectAsList().stream().map(r -> r.<Long>getAs("record_no")).toList();
    assertEquals(List.of(84L, 123L, 288L), devLines);
    Row first = warehouse.read(Tables.MWP_EXAMPLES).where("problem_id = 'mawps/fold0/train:2'").first();
    assertEquals(List.of("-", "number0", "number1"), first.getList(first.fieldIndex("equation")));
    assertEquals(List.of(8.0, 2.0), first.getList(first.fieldIndex("numbers")));
  }
}

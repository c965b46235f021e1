package org.smcbench.data.protein;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.smcbench.data.ParseOutcome;

/** Where the shared protein data sets are, for tests that skip when they are absent; and their readers' results. */
public final class ProteinTestData {
  private ProteinTestData() {}

  static Path sharedData() {
    return Path.of(System.getProperty("smc.project.root", "."), "..", "shared", "data").toAbsolutePath().normalize();
  }

  /** {@code shared/data/hotprotein/s2c2}, or the calling test is skipped. */
  public static Path hotProtein() {
    Path dir = sharedData().resolve("hotprotein").resolve("s2c2");
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("d1_fasta_clean.fasta")), dir + " lacks d1_fasta_clean.fasta");
    return dir;
  }

  /** {@code shared/data/meltome/tasks}, or the calling test is skipped. */
  public static Path meltome() {
    Path dir = sharedData().resolve("meltome").resolve("tasks");
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("clustered_task.csv")), dir + " lacks clustered_task.csv");
    return dir;
  }

  /** The records of a FASTA file by id, in file order, and the malformed reasons. */
  public record Fasta(Map<String, ProteinSequenceRecord> byId, List<String> malformed) {}

  public static Fasta readFasta(Path file) throws IOException {
    Map<String, ProteinSequenceRecord> byId = new LinkedHashMap<>();
    List<String> bad = new ArrayList<>();
    for (String text : FastaRecords.records(Files.readString(file, StandardCharsets.UTF_8))) {
      ParseOutcome<ProteinSequenceRecord> outcome = FastaRecords.parse(text);
      if (outcome instanceof ParseOutcome.Ok<ProteinSequenceRecord> ok) {
        if (byId.put(ok.value().id(), ok.value()) != null) {
          bad.add("duplicate id " + ok.value().id());
        }
      } else {
        bad.add(((ParseOutcome.Malformed<ProteinSequenceRecord>) outcome).reason());
      }
    }
    return new Fasta(byId, bad);
  }

  /** The landed rows and the malformed reasons of a FLIP task CSV. */
  public record Flip(List<FlipRecord> rows, List<String> malformed) {}

  public static Flip readFlip(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    FlipCsvParser parser = FlipCsvParser.forHeader(file.toString(), lines.get(0));
    List<FlipRecord> rows = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      ParseOutcome<FlipRecord> outcome = parser.parse(i + 1L, lines.get(i));
      if (outcome instanceof ParseOutcome.Ok<FlipRecord> ok) {
        rows.add(ok.value());
      } else {
        bad.add(((ParseOutcome.Malformed<FlipRecord>) outcome).reason());
      }
    }
    return new Flip(rows, bad);
  }
}

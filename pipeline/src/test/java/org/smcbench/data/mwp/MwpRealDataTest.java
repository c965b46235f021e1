package org.smcbench.data.mwp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smcbench.data.ParseOutcome;

/** The shared MAWPS / ASDiv-A / SVAMP files (skipped when ../shared/data is absent). */
class MwpRealDataTest {
  private static Path root;

  @BeforeAll
  static void findData() {
    root = Path.of(System.getProperty("smc.project.root", "."), "..", "shared", "data").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isDirectory(root.resolve("mawps")) && Files.isDirectory(root.resolve("asdiv-a"))
        && Files.isDirectory(root.resolve("svamp")), root + " lacks mawps, asdiv-a or svamp");
  }

  /** Landed problems and malformed reasons of one entry. */
  record Parsed(List<MwpRecord> landed, List<String> quarantined) {}

  static Parsed parse(MwpFolds folds, String fold, String split) throws IOException {
    Path file = root.resolve(folds.entry(fold, split).path());
    List<MwpParser.Line> lines = MwpParser.parseLines(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    List<MwpRecord> landed = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (MwpParser.Line l : lines) {
      if (l.outcome() instanceof ParseOutcome.Ok<MwpRecord> ok) {
        landed.add(ok.value());
      } else {
        bad.add(((ParseOutcome.Malformed<MwpRecord>) l.outcome()).reason());
      }
    }
    return new Parsed(landed, bad);
  }

  private static Parsed check(MwpFolds folds, String fold, String split, int landed, int quarantined) throws IOException {
    Parsed p = parse(folds, fold, split);
    System.out.printf("mwp %-8s fold=%-1s %-5s landed=%d quarantined=%d%n", folds.dataset(), fold, split,
        p.landed().size(), p.quarantined().size());
    p.quarantined().forEach(r -> System.out.println("  " + r.substring(root.toString().length() + 1)));
    assertEquals(landed, p.landed().size(), folds.dataset() + " " + fold + "/" + split + " landed");
    assertEquals(quarantined, p.quarantined().size(), folds.dataset() + " " + fold + "/" + split + " quarantined");
    // Every real rejection is a gold answer the gold equation does not reproduce: no format problem.
    assertTrue(p.quarantined().stream().allMatch(r -> r.contains("is not reproduced by field 'Equation'")),
        p.quarantined().toString());
    return p;
  }

  @Test
  void everyRowParsesAndOnlyUnreproducedAnswersAreQuarantined() throws IOException {
    check(MwpFolds.mawps(), "0", "train", 1527, 10);
    check(MwpFolds.mawps(), "0", "dev", 381, 3);
    check(MwpFolds.asdivA(), "0", "train", 978, 1);
    check(MwpFolds.asdivA(), "0", "dev", 238, 0);
    check(MwpFolds.svamp(), "", "train", 3124, 14);
    check(MwpFolds.svamp(), "", "dev", 1000, 0);
  }

  @Test
  void mostFrequentTemplateBaseline() throws IOException {
    // MAWPS fold 0, ASDiv-A fold 0, SVAMP (train on MAWPS + ASDiv-A).
    TemplateBaseline.Result mawps = baseline(MwpFolds.mawps(), "0");
    TemplateBaseline.Result asdiv = baseline(MwpFolds.asdivA(), "0");
    TemplateBaseline.Result svamp = baseline(MwpFolds.svamp(), "");
    assertEquals(List.of("+", "number0", "number1"), mawps.template());
    assertEquals(68.0 / 381, mawps.devAccuracy(), 1e-12);
    assertEquals(List.of("-", "number0", "number1"), asdiv.template());
    assertEquals(52.0 / 238, asdiv.devAccuracy(), 1e-12);
    assertEquals(List.of("+", "number0", "number1"), svamp.template());
    assertEquals(78.0 / 1000, svamp.devAccuracy(), 1e-12);
  }

  private static TemplateBaseline.Result baseline(MwpFolds folds, String fold) throws IOException {
    TemplateBaseline.Result r = TemplateBaseline.run(parse(folds, fold, "train").landed(), parse(folds, fold, "dev").landed());
    System.out.printf("mwp baseline %-8s fold=%-1s template=[%s] (%d of %d train) dev accuracy=%.4f (n=%d)%n",
        folds.dataset(), fold, String.join(" ", r.template()), r.trainCount(), r.trainSize(), r.devAccuracy(), r.devSize());
    return r;
  }
}

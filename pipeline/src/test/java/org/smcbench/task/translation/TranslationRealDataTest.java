package org.smcbench.task.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smcbench.task.translation.SacreBleuCases.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The copy-the-source baseline on the shared FLORES-200 devtest (1,012 lines), against the scores
 * sacreBLEU 2.6.0 gave the same files; skipped when the folder is absent.
 */
class TranslationRealDataTest {
  static Path devtest() {
    Path dir = Path.of(System.getProperty("smc.project.root", "."), "..", "shared", "data", "translation", "datasets",
        "facebook", "flores", "flores200_dataset", "devtest").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("eng_Latn.devtest")), dir + " lacks eng_Latn.devtest");
    return dir;
  }

  @TestFactory
  Stream<DynamicTest> copyBaselineMatchesSacreBleu() {
    // The folder is checked inside each test so that an absent one shows as skipped tests, not none.
    return SacreBleuCases.list("flores").stream().map(c -> DynamicTest.dynamicTest(
        c.get("name").asText() + " tok:" + c.get("tokenize").asText(), () -> check(devtest(), c)));
  }

  private static void check(Path dir, JsonNode c) throws IOException {
    Path hypFile = dir.resolve(c.get("hyp_file").asText());
    Path refFile = dir.resolve(c.get("ref_file").asText());
    // Expectations are for those exact bytes: a re-downloaded file needs scripts/sacrebleu_cases.py rerun.
    assertEquals(c.get("hyp_sha256").asText(), sha256(hypFile), hypFile + " changed since the expectations");
    assertEquals(c.get("ref_sha256").asText(), sha256(refFile), refFile + " changed since the expectations");
    List<String> hyps = Files.readAllLines(hypFile, StandardCharsets.UTF_8);
    List<String> refs = Files.readAllLines(refFile, StandardCharsets.UTF_8);
    assertEquals(c.get("lines").asInt(), hyps.size());

    long start = System.nanoTime();
    BleuResult bleu = CorpusBleu.builder().tokenizer(c.get("tokenize").asText()).build().corpusScore(hyps, refs);
    long bleuNanos = System.nanoTime() - start;
    JsonNode e = c.get("bleu");
    assertClose(e.get("score").asDouble(), bleu.score(), "BLEU");
    assertArrayEquals(SacreBleuCases.longs(e.get("counts")), bleu.counts());
    assertArrayEquals(SacreBleuCases.longs(e.get("totals")), bleu.totals());
    assertEquals(e.get("sys_len").asLong(), bleu.sysLen());
    assertEquals(e.get("ref_len").asLong(), bleu.refLen());
    assertClose(e.get("bp").asDouble(), bleu.bp(), "bp");

    start = System.nanoTime();
    double chrf = ChrF.defaults().corpusScore(hyps, refs).score();
    long chrfNanos = System.nanoTime() - start;
    assertClose(c.get("chrf").asDouble(), chrf, "chrF");
    assertClose(c.get("chrfpp").asDouble(), ChrF.plusPlus().corpusScore(hyps, refs).score(), "chrF++");
    // Reported, not asserted: the point is only that nothing here is quadratic.
    System.out.printf("%s %s (%d lines): BLEU %.2f in %d ms, chrF %.2f in %d ms%n", c.get("name").asText(),
        bleu.signature(), hyps.size(), bleu.score(), bleuNanos / 1_000_000, chrf, chrfNanos / 1_000_000);
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

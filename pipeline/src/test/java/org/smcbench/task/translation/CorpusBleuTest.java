package org.smcbench.task.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smcbench.task.translation.SacreBleuCases.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Corpus BLEU against sacreBLEU 2.6.0 on the constructed cases of scripts/sacrebleu_cases.py. */
class CorpusBleuTest {
  static CorpusBleu metric(JsonNode c) {
    CorpusBleu.Smoothing smoothing = CorpusBleu.Smoothing.byId(c.get("smooth_method").asText());
    CorpusBleu.Builder b = CorpusBleu.builder().tokenizer(c.get("tokenize").asText())
        .lowercase(c.get("lowercase").asBoolean()).effectiveOrder(c.get("effective_order").asBoolean());
    return (c.get("smooth_value").isNull() ? b.smoothing(smoothing) : b.smoothing(smoothing,
        c.get("smooth_value").asDouble())).build();
  }

  @TestFactory
  Stream<DynamicTest> matchesSacreBleu() {
    return SacreBleuCases.list("bleu_cases").stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
      String name = c.get("name").asText();
      CorpusBleu bleu = metric(c);
      BleuResult r = bleu.corpusScoreMultiRef(SacreBleuCases.strings(c.get("hyps")),
          SacreBleuCases.nested(c.get("refs")));
      assertClose(c.get("score").asDouble(), r.score(), name + " score");
      assertArrayEquals(SacreBleuCases.longs(c.get("counts")), r.counts(), name + " counts");
      assertArrayEquals(SacreBleuCases.longs(c.get("totals")), r.totals(), name + " totals");
      assertEquals(c.get("sys_len").asLong(), r.sysLen(), name + " sys_len");
      assertEquals(c.get("ref_len").asLong(), r.refLen(), name + " ref_len");
      assertClose(c.get("bp").asDouble(), r.bp(), name + " bp");
      for (int n = 0; n < CorpusBleu.MAX_ORDER; n++) {
        assertClose(c.get("precisions").get(n).asDouble(), r.precisions()[n], name + " precision " + (n + 1));
      }
      assertEquals(SacreBleuCases.ourSignature(c.get("signature").asText()), r.signature());
      assertEquals(c.get("formatted").asText(), r.format());
      // sacreBLEU's reported counts carry add-k's k on orders 2..4 (when anything matched); ours are raw.
      double k = "add-k".equals(c.get("smooth_method").asText()) && r.score() > 0
          ? (c.get("smooth_value").isNull() ? 1 : c.get("smooth_value").asDouble()) : 0;
      for (int n = 0; n < CorpusBleu.MAX_ORDER; n++) {
        double added = n == 0 ? 0 : k;
        assertEquals(c.get("reported_counts").get(n).asDouble(), r.counts()[n] + added, 0.0, name);
        assertEquals(c.get("reported_totals").get(n).asDouble(), r.totals()[n] + added, 0.0, name);
      }
    }));
  }

  @Test
  void perfectMatchIs100AndSummedSegmentsAreTheCorpus() {
    CorpusBleu bleu = CorpusBleu.defaults();
    List<String> hyps = List.of("The cat sat on the mat.", "A dog, 1,000.5 km away!", "", "short one");
    List<String> refs = List.of("The cat sat on a mat.", "A dog, 1,000.5 km away!", "nothing", "a short one here");
    // exp(log(100)) is 100.00000000000004 in Python too.
    assertEquals(100.0, bleu.corpusScore(refs, refs).score(), 1e-12);
    BleuStats sum = BleuStats.zero();
    for (int i = 0; i < hyps.size(); i++) {
      sum = sum.plus(bleu.segmentStats(hyps.get(i), List.of(refs.get(i))));
    }
    assertEquals(bleu.corpusScore(hyps, refs), bleu.score(sum, 1));
    assertEquals(bleu.corpusScore(hyps, refs),
        bleu.corpusScoreMultiRef(hyps, refs.stream().map(List::of).toList()));
  }

  @Test
  void closestReferenceLengthPrefersTheShorterOnATie() {
    assertEquals(3, CorpusBleu.closestRefLen(5, new long[] {7, 3}));
    assertEquals(3, CorpusBleu.closestRefLen(5, new long[] {3, 7}));
    assertEquals(6, CorpusBleu.closestRefLen(5, new long[] {2, 6, 9}));
  }

  @Test
  void sentenceDefaultsUseEffectiveOrder() {
    BleuResult r = CorpusBleu.sentenceDefaults().sentenceScore("the cat", List.of("the cat sat", "a cat"));
    // Only unigrams and bigrams exist and all match; the closest reference length is 2, so no brevity penalty.
    assertEquals(100.0, r.score(), 1e-12);
    assertEquals("nrefs:2|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0-smc", r.signature());
    // Without effective order the missing 3- and 4-grams make it 0, smoothing or not.
    assertEquals(0.0, CorpusBleu.defaults().sentenceScore("the cat", List.of("the cat")).score(), 0.0);
  }

  @Test
  void signaturesFollowSacreBleu() {
    assertEquals("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-smc",
        CorpusBleu.defaults().signature(1));
    assertEquals("nrefs:var|case:lc|eff:no|tok:zh|smooth:floor[0.10]|version:2.6.0-smc",
        CorpusBleu.builder().tokenizer("zh").lowercase(true).smoothing(CorpusBleu.Smoothing.FLOOR).build()
            .signature(-1));
    // Python's "%.2f" rounds the binary value half-even: 0.125 gives 0.12.
    assertEquals("nrefs:3|case:mixed|eff:yes|tok:none|smooth:add-k[0.12]|version:2.6.0-smc",
        CorpusBleu.builder().tokenizer("none").smoothing(CorpusBleu.Smoothing.ADD_K, 0.125).effectiveOrder(true)
            .build().signature(3));
  }

  @Test
  void badInputsFail() {
    CorpusBleu bleu = CorpusBleu.defaults();
    assertThrows(IllegalArgumentException.class, () -> bleu.corpusScore(List.of("a", "b"), List.of("a")));
    assertThrows(IllegalArgumentException.class, () -> bleu.corpusScore(List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> bleu.segmentStats("a", List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> CorpusBleu.builder().smoothing(CorpusBleu.Smoothing.EXP, 0.5));
  }

  @Test
  void serializesForSparkClosures() throws Exception {
    CorpusBleu bleu = CorpusBleu.builder().tokenizer("zh").build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(bleu);
      out.writeObject(ChrF.plusPlus());
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      CorpusBleu back = (CorpusBleu) in.readObject();
      assertEquals(bleu.corpusScore(List.of("我们 ok"), List.of("我们 好")),
          back.corpusScore(List.of("我们 ok"), List.of("我们 好")));
      assertEquals(ChrF.plusPlus().sentenceScore("a b", List.of("a c")),
          ((ChrF) in.readObject()).sentenceScore("a b", List.of("a c")));
    }
  }
}

package org.smcbench.task.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smcbench.task.translation.SacreBleuCases.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** chrF and chrF++ against sacreBLEU 2.6.0 on the constructed cases of scripts/sacrebleu_cases.py. */
class ChrFTest {
  static ChrF metric(JsonNode c) {
    return ChrF.builder().charOrder(c.get("char_order").asInt()).wordOrder(c.get("word_order").asInt())
        .beta(c.get("beta").asInt()).lowercase(c.get("lowercase").asBoolean())
        .whitespace(c.get("whitespace").asBoolean()).epsSmoothing(c.get("eps_smoothing").asBoolean()).build();
  }

  @TestFactory
  Stream<DynamicTest> matchesSacreBleu() {
    return SacreBleuCases.list("chrf_cases").stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
      String name = c.get("name").asText();
      ChrFResult r = metric(c).corpusScoreMultiRef(SacreBleuCases.strings(c.get("hyps")),
          SacreBleuCases.nested(c.get("refs")));
      assertClose(c.get("score").asDouble(), r.score(), name + " score");
      assertArrayEquals(SacreBleuCases.longs(c.get("stats")), r.stats(), name + " stats");
      assertEquals(c.get("metric_name").asText(), r.name());
      assertEquals(SacreBleuCases.ourSignature(c.get("signature").asText()), r.signature());
      assertEquals(c.get("formatted").asText(), r.format());
    }));
  }

  @Test
  void defaultsAreSacreBleus() {
    assertEquals("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0-smc", ChrF.defaults().signature(1));
    assertEquals("nrefs:var|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0-smc",
        ChrF.plusPlus().signature(-1));
    assertEquals(100.0, ChrF.defaults().corpusScore(List.of("Hello there."), List.of("Hello there.")).score(), 1e-12);
    assertEquals("chrF2++", ChrF.plusPlus().sentenceScore("a", List.of("a")).name());
  }

  @Test
  void wordsSplitOffOnePunctuationCharacter() {
    assertEquals(List.of("(hi", ")", "there", ",", "x", "!", "(", "a", "it's"),
        ChrF.words("(hi) there, x ! (a it's"));
    assertEquals(List.of("😀", "😀", "."), ChrF.words("😀 😀."));
  }
}

package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguagesTest {
  @Test
  void everyCodeOfALanguageFindsIt() {
    Language cs = Languages.of("cs");
    assertEquals(List.of("cs", "ces", "ces_Latn", "cs_CZ"), cs.codes());
    for (String code : List.of("ces", "ces_Latn", "cs_CZ", "CES_LATN")) {
      assertSame(cs, Languages.of(code), code);
    }
    assertSame(Languages.ENGLISH, Languages.of("eng_Latn"));
    assertEquals("zh_CN", Languages.of("zho").mbart());
    assertEquals("mya_Mymr", Languages.of("my_MM").flores());
  }

  @Test
  void thePapersTenLanguagesAndEnglish() {
    assertEquals(List.of("fr", "cs", "de", "gu", "ja", "my", "ro", "ru", "vi", "zh"),
        Languages.PAPER.stream().map(Language::iso1).toList());
    assertEquals(List.of("fra", "ces", "deu", "guj", "jpn", "mya", "ron", "rus", "vie", "zho", "eng"),
        Languages.ALL.stream().map(Language::iso3).toList());
    assertEquals(List.of("fra_Latn", "ces_Latn", "deu_Latn", "guj_Gujr", "jpn_Jpan", "mya_Mymr", "ron_Latn",
        "rus_Cyrl", "vie_Latn", "zho_Hans", "eng_Latn"), Languages.ALL.stream().map(Language::flores).toList());
    assertEquals(List.of("fr_XX", "cs_CZ", "de_DE", "gu_IN", "ja_XX", "my_MM", "ro_RO", "ru_RU", "vi_VN", "zh_CN",
        "en_XX"), Languages.ALL.stream().map(Language::mbart).toList());
  }

  @Test
  void unknownCodeIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Languages.of(List.of("fr", "xx")));
    assertTrue(e.getMessage().startsWith("unknown language code 'xx': known are fr/fra/fra_Latn/fr_XX, "),
        e.getMessage());
  }
}

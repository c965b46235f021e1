package org.smcbench.data.translation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The paper's ten languages and English, looked up by any of their codes (case-insensitive). */
public final class Languages {
  public static final Language ENGLISH = new Language("English", "en", "eng", "eng_Latn", "en_XX");

  /** The ten languages translated to and from English, in the paper's order. */
  public static final List<Language> PAPER = List.of(
      new Language("French", "fr", "fra", "fra_Latn", "fr_XX"),
      new Language("Czech", "cs", "ces", "ces_Latn", "cs_CZ"),
      new Language("German", "de", "deu", "deu_Latn", "de_DE"),
      new Language("Gujarati", "gu", "guj", "guj_Gujr", "gu_IN"),
      new Language("Japanese", "ja", "jpn", "jpn_Jpan", "ja_XX"),
      new Language("Burmese", "my", "mya", "mya_Mymr", "my_MM"),
      new Language("Romanian", "ro", "ron", "ron_Latn", "ro_RO"),
      new Language("Russian", "ru", "rus", "rus_Cyrl", "ru_RU"),
      new Language("Vietnamese", "vi", "vie", "vie_Latn", "vi_VN"),
      new Language("Chinese", "zh", "zho", "zho_Hans", "zh_CN"));

  /** {@link #PAPER} and English. */
  public static final List<Language> ALL = withEnglish();

  private static final Map<String, Language> BY_CODE = byCode();

  private Languages() {}

  /** The language with this code in any scheme (fr, fra, fra_Latn, fr_XX). */
  public static Language of(String code) {
    Language language = code == null ? null : BY_CODE.get(code.toLowerCase(Locale.ROOT));
    if (language == null) {
      throw new IllegalArgumentException("unknown language code '" + code + "': known are " + ALL.stream()
          .map(l -> String.join("/", l.codes())).collect(Collectors.joining(", ")));
    }
    return language;
  }

  /** The languages of these codes, in order. */
  public static List<Language> of(List<String> codes) {
    return codes.stream().map(Languages::of).toList();
  }

  /** The language with this code, or null: for scanning folder and file names that may name other languages. */
  static Language find(String code) {
    return BY_CODE.get(code.toLowerCase(Locale.ROOT));
  }

  private static List<Language> withEnglish() {
    List<Language> all = new ArrayList<>(PAPER);
    all.add(ENGLISH);
    return List.copyOf(all);
  }

  private static Map<String, Language> byCode() {
    Map<String, Language> map = new LinkedHashMap<>();
    for (Language l : ALL) {
      for (String code : l.codes()) {
        if (map.put(code.toLowerCase(Locale.ROOT), l) != null) {
          throw new IllegalStateException("language code " + code + " is used twice");
        }
      }
    }
    return Map.copyOf(map);
  }
}

package org.smcbench.data.translation;

import java.io.Serializable;
import java.util.List;

/**
 * One language of the translation task under each naming scheme its data and model use: ISO
 * 639-1 (OPUS-100, the {@code src_lang}/{@code tgt_lang} columns), ISO 639-3 (some
 * OPUS-MT-testsets pair folders), the FLORES-200 file code and mBART-50's language token.
 */
public record Language(String name, String iso1, String iso3, String flores, String mbart) implements Serializable {
  /** Every code the language is known by, ISO 639-1 first. */
  public List<String> codes() {
    return List.of(iso1, iso3, flores, mbart);
  }

  @Override
  public String toString() {
    return iso1;
  }
}

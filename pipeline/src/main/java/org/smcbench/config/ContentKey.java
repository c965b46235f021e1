package org.smcbench.config;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * 16 hex digits of SHA-256 over settings as sorted JSON: the folder key of artefacts the pipeline
 * makes once per setting (a self-pre-trained model, a learned vocabulary).
 */
public final class ContentKey {
  private ContentKey() {}

  public static String of(TreeMap<String, Object> settings) {
    String json = new GsonBuilder().disableHtmlEscaping().create().toJson(settings);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}

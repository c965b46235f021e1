package org.smcbench.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The code version recorded with every run: the git commit the build was made from (and whether
 * the tree was dirty), else the project version. {@code SMC_CODE_VERSION} overrides both.
 */
public final class CodeVersion {
  private static final String VALUE = compute();

  private CodeVersion() {}

  public static String get() {
    return VALUE;
  }

  /** A property of the build (e.g. {@code minilm.version}), or null. */
  public static String buildProperty(String key) {
    return BUILD.getProperty(key);
  }

  private static final Properties BUILD = loadBuild();

  private static Properties loadBuild() {
    Properties p = new Properties();
    try (InputStream in = CodeVersion.class.getResourceAsStream("/smc-bench-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // No build properties: fall back to "unknown" below.
    }
    return p;
  }

  private static String compute() {
    String env = System.getenv("SMC_CODE_VERSION");
    if (env != null && !env.isBlank()) {
      return env;
    }
    Properties p = loadBuild();
    String version = p.getProperty("project.version", "unknown");
    String commit = p.getProperty("git.commit", "");
    if (commit.isBlank() || commit.startsWith("${")) {
      return version;
    }
    return version + "+" + commit + ("true".equals(p.getProperty("git.dirty")) ? "-dirty" : "");
  }
}

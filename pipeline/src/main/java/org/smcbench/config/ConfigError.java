package org.smcbench.config;

/**
 * A configuration that cannot run: unknown key, wrong type, impossible value. The message names
 * the key and, where known, the file and line it came from. The CLI exits with code 2 on it,
 * before any Spark work.
 */
public final class ConfigError extends RuntimeException {
  public ConfigError(String message) {
    super(message);
  }

  public ConfigError(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.smcbench.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * Builds the effective configuration: reference.conf &lt; {@code --conf FILE} &lt;
 * {@code --set key=value} &lt; declared environment variables, then checks that every key the
 * user wrote is known, and binds it to {@link Settings}.
 */
public final class ConfigLoader {
  /** Environment variables that override one key each (documented in reference.conf). */
  static final Map<String, String> ENV_KEYS = Map.of(
      "SMC_DATA_ROOT", "smc.data.root",
      "SMC_WAREHOUSE", "smc.warehouse.path",
      "SMC_MINILM_JAR", "smc.models.minilm.checkpoint-path");

  private ConfigLoader() {}

  public static Settings load(File confFile, List<String> sets) {
    return load(confFile, sets, System.getenv());
  }

  public static Settings load(File confFile, List<String> sets, Map<String, String> env) {
    // Not defaultReference(): that folds in every JVM system property, which is not configuration.
    Config reference = ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), "reference.conf")
        .resolve().withOnlyPath("smc");
    Config file = ConfigFactory.empty();
    if (confFile != null) {
      if (!confFile.isFile()) {
        throw new ConfigError("configuration file not found: " + confFile);
      }
      try {
        file = ConfigFactory.parseFile(confFile, ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (ConfigException e) {
        throw new ConfigError("cannot parse " + confFile + ": " + e.getMessage(), e);
      }
    }
    Config overrides = parseSets(sets);
    Config envConfig = envOverrides(env);
    KeyChecker.rejectUnknown(reference, file);
    KeyChecker.rejectUnknown(reference, overrides);
    Config merged;
    try {
      merged = envConfig.withFallback(overrides).withFallback(file).withFallback(reference).resolve();
    } catch (ConfigException e) {
      throw new ConfigError(e.getMessage(), e);
    }
    return SettingsBinder.bind(merged);
  }

  private static Config parseSets(List<String> sets) {
    Config parsed = ConfigFactory.empty();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new ConfigError("--set expects key=value, got '" + set + "'");
      }
      String key = set.substring(0, eq).trim();
      if (!key.startsWith("smc.")) {
        key = "smc." + key;
      }
      String raw = set.substring(eq + 1).trim();
      try {
        // Parse the value as HOCON so lists and numbers keep their types (e.g. [0.36, 0.59]).
        Config one = ConfigFactory.parseString("v = " + raw,
            ConfigParseOptions.defaults().setOriginDescription("--set " + key));
        parsed = parsed.withValue(key, one.getValue("v"));
      } catch (ConfigException e) {
        parsed = parsed.withValue(key, ConfigValueFactory.fromAnyRef(raw, "--set " + key));
      }
    }
    return parsed;
  }

  private static Config envOverrides(Map<String, String> env) {
    Config config = ConfigFactory.empty();
    for (Map.Entry<String, String> e : ENV_KEYS.entrySet()) {
      String value = env.get(e.getKey());
      if (value != null && !value.isBlank()) {
        config = config.withValue(e.getValue(),
            ConfigValueFactory.fromAnyRef(value, "environment variable " + e.getKey()));
      }
    }
    return config;
  }
}

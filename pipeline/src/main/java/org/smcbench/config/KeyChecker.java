package org.smcbench.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rejects keys that reference.conf does not declare. Entries of the open maps (a new dataset, a
 * new model, a method's parameters, Spark settings) are checked against a template entry instead.
 */
final class KeyChecker {
  /** Open map prefix -> template path in reference.conf whose keys an entry may use (null = any). */
  private static final Map<String, String> OPEN_MAPS = Map.of(
      "smc.spark.conf", "",
      "smc.methods", "",
      "smc.sweep.method-sparsities", "",
      "smc.sweep.dataset-methods", "",
      "smc.sweep.model-methods", "",
      "smc.sweep.dataset-scopes", "",
      "smc.training.learning-rates", "",
      "smc.models", "smc.models.*",
      "smc.datasets", "smc.datasets.csqa");

  private KeyChecker() {}

  static void rejectUnknown(Config reference, Config user) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
      String key = entry.getKey();
      if (!isKnown(reference, key)) {
        problems.add("unknown key '" + key + "' (" + entry.getValue().origin().description() + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigError(String.join("\n", problems)
          + "\nEvery key is declared, with its default, in pipeline/src/main/resources/reference.conf.");
    }
  }

  /** A per-dataset or per-model {@code training.<key>} override: any key of smc.training. */
  private static boolean isTrainingKey(Config reference, String inner) {
    String key = inner.substring("training.".length());
    return key.startsWith("learning-rates.") || reference.hasPath("smc.training." + key);
  }

  static boolean isKnown(Config reference, String key) {
    if (reference.hasPathOrNull(key)) {
      return true;
    }
    for (Map.Entry<String, String> open : OPEN_MAPS.entrySet()) {
      String prefix = open.getKey() + ".";
      if (!key.startsWith(prefix)) {
        continue;
      }
      String template = open.getValue();
      if (template.isEmpty()) {
        return true;
      }
      String rest = key.substring(prefix.length());
      int dot = rest.indexOf('.');
      if (dot < 0) {
        return false;
      }
      String inner = rest.substring(dot + 1);
      if (template.equals("smc.datasets.csqa")) {
        // Split names under files and training overrides under training are open per dataset.
        if (inner.startsWith("files.")) {
          return true;
        }
        if (inner.startsWith("training.")) {
          return isTrainingKey(reference, inner);
        }
      }
      if (template.equals("smc.models.*") && inner.startsWith("training.")) {
        return isTrainingKey(reference, inner);
      }
      if (template.equals("smc.datasets.csqa")) {
        // Likewise a dataset may use any key some reference dataset declares (class thresholds of a
        // protein dataset, folds of a math-word-problem one).
        return reference.getConfig("smc.datasets").root().keySet().stream()
            .anyMatch(d -> reference.hasPathOrNull(ConfigUtil.joinPath("smc", "datasets", d) + "." + inner));
      }
      if (template.equals("smc.models.*")) {
        // A model entry may use any key that some reference model declares (encoders and tree
        // decoders have different knobs).
        return reference.getConfig("smc.models").root().keySet().stream()
            .anyMatch(model -> reference.hasPathOrNull(ConfigUtil.joinPath("smc", "models", model) + "." + inner));
      }
      return reference.hasPathOrNull(template + "." + inner);
    }
    return false;
  }
}

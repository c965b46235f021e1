package org.smcbench.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Masks credential-like values wherever configuration is printed or stored. */
public final class Secrets {
  public static final String MASK = "***";
  private static final Pattern CREDENTIAL = Pattern.compile(
      ".*(secret|password|passwd|token|credential|access\\.key|accesskey|access-key|session\\.key|private"
          // fs.s3a.encryption.key / fs.s3a.server-side-encryption.key (an SSE-C key or a KMS key id),
          // fs.azure.account.key.<account> (a storage account key).
          + "|encryption\\.key|account\\.key).*");

  private Secrets() {}

  public static boolean isCredentialKey(String key) {
    return CREDENTIAL.matcher(key.toLowerCase(Locale.ROOT)).matches();
  }

  /** The config with every credential-like leaf replaced by {@value #MASK}. */
  public static Config masked(Config config) {
    Config out = config;
    for (Map.Entry<String, ConfigValue> e : config.entrySet()) {
      if (isCredentialKey(e.getKey())) {
        out = out.withValue(e.getKey(), ConfigValueFactory.fromAnyRef(MASK));
      }
    }
    return out;
  }

  /** Compact JSON of the masked config, for results rows and logs. */
  public static String render(Config config) {
    return masked(config).root().render(ConfigRenderOptions.concise());
  }
}

package org.smcbench.cli;

import java.io.File;
import java.net.URI;
import org.smcbench.config.ConfigError;
import org.smcbench.config.Settings;

/** Configuration checks that run before a SparkSession exists. */
final class Checks {
  private Checks() {}

  /** A local data root must exist; remote roots (s3a://) are checked by the ingest job itself. */
  static void dataRootExists(Settings settings) {
    String root = settings.dataRoot();
    String scheme = URI.create(root.replace(" ", "%20")).getScheme();
    if ((scheme == null || scheme.equals("file")) && !new File(scheme == null ? root : URI.create(root).getPath()).isDirectory()) {
      throw new ConfigError("smc.data.root = '" + root + "' is not a directory (set it in the --conf file, with "
          + "--set data.root=..., or with SMC_DATA_ROOT)");
    }
  }
}

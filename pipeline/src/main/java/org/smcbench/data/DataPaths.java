package org.smcbench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Raw files under {@code data.root}, local or on any Hadoop file system (s3a://...). */
public final class DataPaths {
  private final String root;
  private final Configuration hadoop;

  public DataPaths(String root, Configuration hadoop) {
    this.root = absolute(root);
    this.hadoop = hadoop;
  }

  /** Local relative roots resolve against the working directory, so Spark sees one absolute path. */
  public static String absolute(String root) {
    URI uri = URI.create(root.replace(" ", "%20"));
    if (uri.getScheme() == null) {
      return new java.io.File(root).getAbsoluteFile().toPath().normalize().toString();
    }
    return root;
  }

  public String root() {
    return root;
  }

  public void requireRoot() {
    if (!exists(root)) {
      throw new org.smcbench.config.ConfigError("smc.data.root = '" + root + "' does not exist"
          + " (set it in the --conf file, with --set data.root=..., or SMC_DATA_ROOT)");
    }
  }

  /** The full path of {@code relative}, failing with the config key that named it when absent. */
  public String require(String relative, String key) {
    String full = root + "/" + relative;
    if (!exists(full)) {
      throw new org.smcbench.config.ConfigError(key + " = '" + relative + "': file not found: " + full);
    }
    return full;
  }

  private boolean exists(String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(hadoop);
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path, e);
    }
  }

  /** The first line of a file on any Hadoop file system: a header read on the driver, so a missing column fails before any task runs. */
  public static String firstLine(String file, Configuration hadoop) {
    Path path = new Path(file);
    try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
        path.getFileSystem(hadoop).open(path), java.nio.charset.StandardCharsets.UTF_8))) {
      return in.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the header of " + file, e);
    }
  }
}

package org.smcbench.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;
import org.smcbench.results.Warehouse;
import org.smcbench.spark.SessionHandle;

/** One local Spark session with Delta for the whole test JVM (sessions are slow to start). */
public final class SparkTestSession {
  private static SessionHandle handle;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (handle == null) {
      // local[2, 2]: a failed task is retried once, as spark.task.maxFailures = 2 on a cluster.
      Settings defaults = ConfigLoader.load(null, List.of("spark.master=\"local[2,2]\""), Map.of());
      handle = SessionHandle.open(defaults);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> handle.close()));
    }
    return handle.spark();
  }

  /** A fresh warehouse in a new temporary folder, registered under its own database name. */
  public static Warehouse newWarehouse(Path dir, String database) throws java.io.IOException {
    Files.createDirectories(dir);
    return new Warehouse(get(), dir.toAbsolutePath().toString(), database);
  }
}

package org.smcbench.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.smcbench.config.Settings;

/**
 * The SparkSession a command works in. Uses the session that already exists (Databricks, a
 * notebook, spark-submit's) and creates one from configuration only when there is none; only a
 * session created here is ever stopped here.
 */
public final class SessionHandle implements AutoCloseable {
  private final SparkSession session;
  private final boolean created;

  private SessionHandle(SparkSession session, boolean created) {
    this.session = session;
    this.created = created;
  }

  public static SessionHandle open(Settings settings) {
    // A session whose context was stopped (an earlier command in this JVM) does not count: a new
    // one must be configured with Delta again.
    boolean existed = live(SparkSession.getActiveSession()) || live(SparkSession.getDefaultSession());
    SparkSession.Builder builder = SparkSession.builder().appName(settings.spark().appName());
    SparkConf defaults = new SparkConf(); // picks up spark-submit's spark.* system properties
    String master = defaults.get("spark.master", settings.spark().master());
    if (!defaults.contains("spark.master")) {
      builder.master(master);
    }
    if (master.startsWith("local") && !existed) {
      // A local session listens on loopback only.
      builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    if (!existed) {
      for (Map.Entry<String, String> e : settings.spark().conf().entrySet()) {
        if (!defaults.contains(e.getKey())) {
          builder.config(e.getKey(), e.getValue());
        }
      }
      builder.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
          .config("spark.databricks.delta.schema.autoMerge.enabled", "true");
    }
    return new SessionHandle(builder.getOrCreate(), !existed);
  }

  public SparkSession spark() {
    return session;
  }

  private static boolean live(scala.Option<SparkSession> session) {
    return session.isDefined() && !session.get().sparkContext().isStopped();
  }

  @Override
  public void close() {
    if (created) {
      session.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }
}

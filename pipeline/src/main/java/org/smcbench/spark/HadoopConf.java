package org.smcbench.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.deploy.SparkHadoopUtil;

/**
 * The Hadoop configuration of the running Spark application (its {@code spark.hadoop.*} settings:
 * s3a endpoints, credential providers) on the driver or an executor; a default one outside Spark.
 */
public final class HadoopConf {
  private HadoopConf() {}

  public static Configuration current() {
    SparkEnv env = SparkEnv.get();
    return env == null ? new Configuration() : SparkHadoopUtil.get().newConfiguration(env.conf());
  }
}

package org.smcbench.sweep;

import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.smcbench.model.ModelWeights;

/**
 * Fine-tuned weights of dense runs, as safetensors files beside the tables
 * ({@code <warehouse>/checkpoints/<run_key>.safetensors}), so every After method of a
 * (dataset, model, seed) starts from the same model. Written to a temporary name and renamed, so a
 * killed task never leaves a half file under the real name.
 */
public final class CheckpointStore {
  private final String dir;
  private final Configuration hadoop;

  public CheckpointStore(String warehousePath, Configuration hadoop) {
    this.dir = (warehousePath.endsWith("/") ? warehousePath : warehousePath + "/") + "checkpoints";
    this.hadoop = hadoop;
  }

  public Path path(String runKey) {
    return new Path(dir, runKey + ".safetensors");
  }

  public boolean exists(String runKey) throws IOException {
    Path p = path(runKey);
    return p.getFileSystem(hadoop).exists(p);
  }

  public void save(String runKey, Map<String, Parameter> parameters) throws IOException {
    Path target = path(runKey);
    FileSystem fs = target.getFileSystem(hadoop);
    Path tmp = new Path(dir, "_tmp-" + runKey + "-" + System.nanoTime());
    try (OutputStream out = fs.create(tmp, true)) {
      ModelWeights.save(parameters, out);
    }
    fs.delete(target, false);
    if (!fs.rename(tmp, target)) {
      throw new IOException("cannot rename " + tmp + " to " + target);
    }
  }

  public void load(String runKey, Map<String, Parameter> parameters) throws IOException {
    Path p = path(runKey);
    FileSystem fs = p.getFileSystem(hadoop);
    if (!fs.exists(p)) {
      throw new IOException("dense checkpoint " + p + " not found: its dense run has not succeeded");
    }
    try (InputStream in = fs.open(p)) {
      ModelWeights.load(parameters, in);
    }
  }
}

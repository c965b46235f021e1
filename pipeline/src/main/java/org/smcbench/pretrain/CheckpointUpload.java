package org.smcbench.pretrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.smcbench.spark.HadoopConf;

/**
 * Writes a checkpoint folder to a local temporary folder first, then copies it to its location
 * through Hadoop (local, {@code s3a://}, ...), replacing what was there: the Hugging Face writers
 * speak {@link Path}, the warehouse any Hadoop file system.
 */
final class CheckpointUpload {
  private CheckpointUpload() {}

  static void write(String location, Consumer<Path> writer) {
    Path local = null;
    try {
      local = Files.createTempDirectory("smc-pretrained-");
      writer.accept(local);
      Configuration hadoop = HadoopConf.current();
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(location);
      FileSystem fs = target.getFileSystem(hadoop);
      fs.delete(target, true);
      fs.mkdirs(target);
      try (Stream<Path> files = Files.list(local)) {
        for (Path f : files.toList()) {
          fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(f.toUri()),
              new org.apache.hadoop.fs.Path(target, f.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pre-trained checkpoint to " + location, e);
    } finally {
      deleteQuietly(local);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp folder is harmless.
    }
  }
}

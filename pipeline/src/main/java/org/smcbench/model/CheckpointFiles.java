package org.smcbench.model;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Turns a checkpoint location from configuration into a local file: local paths as they are,
 * remote ones (s3a://, dbfs:/, hdfs://) copied once per JVM into a local cache through Hadoop.
 */
public final class CheckpointFiles {
  private static final ConcurrentHashMap<String, Path> CACHE = new ConcurrentHashMap<>();

  private CheckpointFiles() {}

  public static Path local(String location, Configuration hadoop) {
    URI uri = URI.create(location.replace(" ", "%20"));
    if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
      Path p = uri.getScheme() == null ? Path.of(location) : Path.of(uri);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("checkpoint file not found: " + p.toAbsolutePath());
      }
      return p;
    }
    return CACHE.computeIfAbsent(location, l -> copy(l, hadoop));
  }

  private static Path copy(String location, Configuration hadoop) {
    try {
      org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(location);
      FileSystem fs = remote.getFileSystem(hadoop);
      Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "smc-bench-checkpoints"));
      Path target = dir.resolve(Integer.toHexString(location.hashCode()) + "-" + remote.getName());
      Path tmp = Files.createTempFile(dir, "download-", ".part");
      try (InputStream in = fs.open(remote)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch checkpoint " + location, e);
    }
  }

  /** A file in the folder bin/smc-bench names ({@code -Dsmcbench.models.dir}), if it is there. */
  public static Path inModelsDir(String fileName) {
    String dir = System.getProperty("smcbench.models.dir");
    if (dir == null) {
      return null;
    }
    File f = new File(dir, fileName);
    return f.isFile() ? f.toPath() : null;
  }
}

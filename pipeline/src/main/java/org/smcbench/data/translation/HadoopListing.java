package org.smcbench.data.translation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Driver-side look at a layout's folders on any Hadoop file system (local or s3a://), names sorted. */
public final class HadoopListing {
  private final Configuration hadoop;

  public HadoopListing(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  public boolean isFile(String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(hadoop).isFile(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path, e);
    }
  }

  /** Names of the sub-folders of {@code dir} (empty when it does not exist). */
  public List<String> folders(String dir) {
    return names(dir, true);
  }

  /** Names of the files directly in {@code dir} (empty when it does not exist). */
  public List<String> files(String dir) {
    return names(dir, false);
  }

  private List<String> names(String dir, boolean folders) {
    try {
      Path p = new Path(dir);
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (FileStatus s : fs.listStatus(p)) {
        if (s.isDirectory() == folders) {
          names.add(s.getPath().getName());
        }
      }
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}

package org.smcbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.smcbench.config.Settings;
import org.smcbench.sweep.SweepPlanner;
import picocli.CommandLine.Option;

/**
 * A bench that runs the configured sweep in temporary warehouses of its own (never the user's):
 * the checks before Spark, the folder it works in, and {@code --keep}.
 */
abstract class ConfiguredSweepBench extends BaseCommand {
  @Option(names = "--keep", description = "Keep the temporary warehouse(s) (the path is printed).")
  boolean keep;

  @Override
  final void validate(Settings settings) {
    Checks.dataRootExists(settings);
    SweepPlanner.expand(settings);
  }

  static Path temporaryFolder(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} unless {@code --keep}. */
  void cleanUp(Path dir) {
    if (keep) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
    }
  }
}

package org.smcbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of the PyTorch peer scripts of {@code tools/bench/} as a child process and returns the
 * last line of its stdout (its JSON answer). The script's stderr (its BLAS and thread report) is
 * passed on to ours the first time and on failure; exit code 3 means PyTorch is not importable.
 * Unless the user set one, the child gets the OpenBLAS kernel family of this CPU's flags
 * ({@link OpenBlasCoreType}).
 */
final class PythonPeer {
  /** The scripts' exit code when PyTorch is not importable. */
  static final int NO_TORCH = 3;

  private final Path python;
  private final Path script;
  private boolean reported;

  PythonPeer(Path python, Path script) {
    this.python = python;
    this.script = script;
  }

  String run(List<String> args, Path tmpDir) throws TorchPeer.Unavailable, IOException {
    if (!Files.isRegularFile(script)) {
      throw new TorchPeer.Unavailable("script " + script + " not found");
    }
    Path err = Files.createTempFile(tmpDir, "torch-stderr", ".txt");
    try {
      List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
      command.addAll(args);
      Process p;
      try {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        OpenBlasCoreType.forThisMachine().ifPresent(core -> {
          builder.environment().put(OpenBlasCoreType.VARIABLE, core);
          if (!reported) {
            System.err.println(script.getFileName() + ": " + OpenBlasCoreType.VARIABLE + "=" + core
                + " (from this CPU's flags; set it to override)");
          }
        });
        p = builder.start();
      } catch (IOException e) {
        throw new TorchPeer.Unavailable("cannot run " + python + ": " + e.getMessage());
      }
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = waitFor(p);
      String stderr = Files.readString(err).strip();
      if (!stderr.isEmpty() && (!reported || code != 0)) {
        System.err.println(stderr);
      }
      reported = true;
      if (code == NO_TORCH) {
        throw new TorchPeer.Unavailable(python + " cannot import torch");
      }
      if (code != 0) {
        throw new IOException(script.getFileName() + " exited with " + code + ": " + lastLine(stderr));
      }
      return lastLine(stdout);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private int waitFor(Process p) throws IOException {
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + script.getFileName(), e);
    }
  }

  private static String lastLine(String text) {
    String s = text.strip();
    return s.substring(s.lastIndexOf('\n') + 1);
  }
}

package org.smcbench.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs tools/bench/torch_kthvalue.py as a child process and reads its one-line JSON answer. */
public final class TorchPeer {
  /** The script's exit code when PyTorch is not importable. */
  static final int NO_TORCH = 3;

  /** What the script measured: the k-th value as float32 bits and the median time of kthvalue. */
  public record Result(String torchVersion, int threads, String blas, long n, long k, int valueBits,
      double ms, List<Double> runsMs, long peakRssMb) {
    public float value() {
      return Float.intBitsToFloat(valueBits);
    }
  }

  /** PyTorch (or Python, or the script) is not there; the bench carries on without the peer. */
  public static final class Unavailable extends Exception {
    Unavailable(String reason) {
      super(reason);
    }
  }

  private final Path python;
  private final Path script;
  private boolean reported;

  public TorchPeer(Path python, Path script) {
    this.python = python;
    this.script = script;
  }

  /**
   * Times {@code torch.kthvalue(x, k + 1)} over the n float32 values in {@code file}. The script's
   * stderr (its BLAS and thread report) is passed on to ours the first time and on failure.
   */
  public Result run(Path file, long n, long k, int repeats, int threads) throws Unavailable, IOException {
    if (!Files.isRegularFile(script)) {
      throw new Unavailable("script " + script + " not found");
    }
    Path err = Files.createTempFile(file.getParent(), "torch-stderr", ".txt");
    try {
      Process p;
      try {
        p = new ProcessBuilder(python.toString(), script.toString(), "--file", file.toString(),
            "--n", Long.toString(n), "--k", Long.toString(k), "--repeats", Integer.toString(repeats),
            "--threads", Integer.toString(threads))
            .redirectError(err.toFile())
            .start();
      } catch (IOException e) {
        throw new Unavailable("cannot run " + python + ": " + e.getMessage());
      }
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = waitFor(p);
      String stderr = Files.readString(err).strip();
      if (!stderr.isEmpty() && (!reported || code != 0)) {
        System.err.println(stderr);
      }
      reported = true;
      if (code == NO_TORCH) {
        throw new Unavailable(python + " cannot import torch");
      }
      if (code != 0) {
        throw new IOException("torch_kthvalue.py exited with " + code + ": " + lastLine(stderr));
      }
      return parse(lastLine(stdout));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** Parses the script's JSON line. */
  public static Result parse(String json) {
    try {
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      List<Double> runs = new ArrayList<>();
      for (JsonElement e : o.getAsJsonArray("runs_ms")) {
        runs.add(e.getAsDouble());
      }
      long bits = o.get("value_bits").getAsLong();
      if (bits < 0 || bits > 0xFFFFFFFFL) {
        throw new IllegalArgumentException("value_bits " + bits + " is not a uint32");
      }
      return new Result(o.get("torch").getAsString(), o.get("threads").getAsInt(),
          o.get("blas").getAsString(), o.get("n").getAsLong(), o.get("k").getAsLong(), (int) bits,
          o.get("ms").getAsDouble(), List.copyOf(runs), o.get("peak_rss_mb").getAsLong());
    } catch (JsonParseException | IllegalStateException | NullPointerException
        | UnsupportedOperationException e) {
      throw new IllegalArgumentException("unexpected output from torch_kthvalue.py: " + json, e);
    }
  }

  private static int waitFor(Process p) throws IOException {
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for torch_kthvalue.py", e);
    }
  }

  private static String lastLine(String text) {
    String s = text.strip();
    return s.substring(s.lastIndexOf('\n') + 1);
  }
}

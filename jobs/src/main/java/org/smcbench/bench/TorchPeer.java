package org.smcbench.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** tools/bench/torch_kthvalue.py as a peer: runs it and reads its one-line JSON answer. */
public final class TorchPeer {
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

  private final PythonPeer peer;

  public TorchPeer(Path python, Path script) {
    this.peer = new PythonPeer(python, script);
  }

  /** Times {@code torch.kthvalue(x, k + 1)} over the n float32 values in {@code file}. */
  public Result run(Path file, long n, long k, int repeats, int threads) throws Unavailable, IOException {
    return parse(peer.run(List.of("--file", file.toString(), "--n", Long.toString(n), "--k", Long.toString(k),
        "--repeats", Integer.toString(repeats), "--threads", Integer.toString(threads)), file.getParent()));
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
}

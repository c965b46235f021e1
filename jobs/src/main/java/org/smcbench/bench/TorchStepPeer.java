package org.smcbench.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** tools/bench/torch_step.py as a peer: the same training step in PyTorch eager. */
public final class TorchStepPeer {
  /** Median milliseconds of a step and of its parts, as the script measured them. */
  public record Result(String torchVersion, int threads, String blas, double msStep, double forward, double backward,
      double optimizer, double remask, long params, long peakRssMb) {}

  private final PythonPeer peer;

  public TorchStepPeer(Path python, Path script) {
    this.peer = new PythonPeer(python, script);
  }

  public Result run(StepBench.Shape shape, int warmup, int steps, double sparsity, Path tmpDir)
      throws TorchPeer.Unavailable, IOException {
    return parse(peer.run(List.of("--layers", Integer.toString(shape.layers()),
        "--questions", Integer.toString(shape.questions()), "--choices", Integer.toString(shape.choices()),
        "--seq", Integer.toString(shape.seqLen()), "--threads", Integer.toString(shape.threads()),
        "--warmup", Integer.toString(warmup), "--steps", Integer.toString(steps),
        "--sparsity", Double.toString(sparsity)), tmpDir));
  }

  public static Result parse(String json) {
    try {
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      return new Result(o.get("torch").getAsString(), o.get("threads").getAsInt(), o.get("blas").getAsString(),
          o.get("ms_step").getAsDouble(), o.get("forward").getAsDouble(), o.get("backward").getAsDouble(),
          o.get("optimizer").getAsDouble(), o.get("remask").getAsDouble(), o.get("params").getAsLong(),
          o.get("peak_rss_mb").getAsLong());
    } catch (JsonParseException | IllegalStateException | NullPointerException
        | UnsupportedOperationException e) {
      throw new IllegalArgumentException("unexpected output from torch_step.py: " + json, e);
    }
  }
}

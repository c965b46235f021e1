package org.smcbench.model.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.data.protein.ProteinVocabulary;
import org.smcbench.data.protein.TapeVocabulary;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.Batch;
import org.smcbench.task.protein.ProteinData;
import org.smcbench.task.protein.ProteinTask;

/**
 * The TAPE family's logits on the tiny TAPE checkpoint against ProteinBert's forward written out in
 * torch (Debian's python3-torch; skipped when it is not installed): embeddings, post-LayerNorm
 * layers with the -10000 padding mask, exact GELU, then the residue mean and the linear head.
 */
class TapeTorchForwardTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final String REFERENCE = """
      import json, math, sys, torch
      d = json.load(open(sys.argv[1]))
      w = {k: torch.tensor(v['data'], dtype=torch.float64).reshape(v['shape']) for k, v in d['weights'].items()}
      ids = torch.tensor(d['ids']); mask = torch.tensor(d['mask'], dtype=torch.float64)
      pool = torch.tensor(d['pool'], dtype=torch.float64); heads = d['heads']
      ln = lambda x, p: torch.nn.functional.layer_norm(x, x.shape[-1:], w[p + '.weight'], w[p + '.bias'], 1e-12)
      lin = lambda x, p: x @ w[p + '.weight'].T + w[p + '.bias']
      b, t = ids.shape
      x = w['embeddings.word_embeddings.weight'][ids] + w['embeddings.position_embeddings.weight'][torch.arange(t)] \\
          + w['embeddings.token_type_embeddings.weight'][torch.zeros_like(ids)]
      x = ln(x, 'embeddings.LayerNorm')
      bias = (1.0 - mask)[:, None, None, :] * -10000.0
      for l in range(d['layers']):
          p = 'encoder.layer.%d.' % l
          split = lambda y: y.reshape(b, t, heads, -1).permute(0, 2, 1, 3)
          q, k, v = (split(lin(x, p + 'attention.self.' + n)) for n in ('query', 'key', 'value'))
          probs = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1]) + bias, -1)
          context = (probs @ v).permute(0, 2, 1, 3).reshape(b, t, -1)
          x = ln(lin(context, p + 'attention.output.dense') + x, p + 'attention.output.LayerNorm')
          inner = torch.nn.functional.gelu(lin(x, p + 'intermediate.dense'))
          x = ln(lin(inner, p + 'output.dense') + x, p + 'output.LayerNorm')
      pooled = (x * pool[:, :, None]).sum(1) / pool.sum(1, keepdim=True)
      print(json.dumps(lin(pooled, 'classifier').flatten().tolist()))
      """;

  @TempDir
  Path dir;

  private static boolean torchAvailable() {
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void logitsMatchAHandWrittenTorchProteinBert() throws Exception {
    Assumptions.assumeTrue(torchAvailable(), PYTHON + " cannot import torch");
    Path folder = dir.resolve("tape");
    TapeCheckpointTest.writeTapeFolder(folder, TapeCheckpointTest.tapeShapes(2));
    // Three classes; sequences of different lengths, so the shorter is padded and masked.
    int[][] tokens = {TapeVocabulary.encode("MKVLEEAW", 0), TapeVocabulary.encode("MYZ-", 0)};
    ProteinData data = new ProteinData(new String[] {"a", "b"}, tokens, new int[] {0, 2}, null, 3, 0, 1, Double.NaN,
        null, 0, ProteinVocabulary.TAPE);
    try (NDManager m = NDManager.newBaseManager()) {
      TrainableModel model = new TapeFamily().build(TapeCheckpointTest.settings(folder, 0), data, m, 4);
      Batch batch = ProteinTask.classification().batch(data, new int[] {0, 1}, null, m);
      NDList inputs = batch.inputs();
      float[] logits = model.forward(new ParameterStore(m, false), inputs, false).singletonOrThrow().toFloatArray();
      assertEquals(6, logits.length);

      Map<String, Object> weights = new LinkedHashMap<>();
      for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
        weights.put(e.getKey(), Map.of("shape", e.getValue().getArray().getShape().getShape(),
            "data", e.getValue().getArray().toFloatArray()));
      }
      Map<String, Object> dump = new LinkedHashMap<>();
      dump.put("weights", weights);
      dump.put("layers", 2);
      dump.put("heads", 2);
      long t = inputs.get(0).getShape().get(1);
      dump.put("ids", rows(inputs.get(0).toLongArray(), t));
      dump.put("mask", rows(inputs.get(1).toLongArray(), t));
      float[] pool = inputs.get(2).toFloatArray();
      long[] poolRows = new long[pool.length];
      for (int i = 0; i < pool.length; i++) {
        poolRows[i] = (long) pool[i];
      }
      dump.put("pool", rows(poolRows, t));
      Path json = dir.resolve("dump.json");
      Files.writeString(json, new Gson().toJson(dump), StandardCharsets.UTF_8);
      Path script = dir.resolve("reference.py");
      Files.writeString(script, REFERENCE, StandardCharsets.UTF_8);

      Process p = new ProcessBuilder(PYTHON, script.toString(), json.toString()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), err);
      JsonArray reference = JsonParser.parseString(out).getAsJsonArray();
      float[] expected = new float[reference.size()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = reference.get(i).getAsFloat();
      }
      assertArrayEquals(expected, logits, 1e-5f);
    }
  }

  private static long[][] rows(long[] flat, long width) {
    long[][] out = new long[Math.toIntExact(flat.length / width)][];
    for (int r = 0; r < out.length; r++) {
      out[r] = java.util.Arrays.copyOfRange(flat, Math.toIntExact(r * width), Math.toIntExact((r + 1) * width));
    }
    return out;
  }
}

package org.smcbench.model.tape;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.bert.BertConfig;
import org.smcbench.model.bert.HfBertCheckpoint;

/**
 * A TAPE ProteinBert checkpoint as a Hugging Face-style folder (local or on any Hadoop file system,
 * e.g. {@code s3a://}): TAPE's {@code config.json} ({@code vocab_size}, {@code hidden_size},
 * {@code num_hidden_layers}, ..., no {@code model_type}) and {@code model.safetensors} under TAPE's
 * names ({@code bert.embeddings.word_embeddings.weight},
 * {@code bert.encoder.layer.N.attention.self.query.weight}, ...). TAPE ships {@code pytorch_model.bin};
 * {@code python3 -c "import torch; from safetensors.torch import save_file;
 * save_file(torch.load('pytorch_model.bin', map_location='cpu'), 'model.safetensors')"} converts it.
 *
 * <p>Encoder names lose the {@code bert.} prefix. TAPE's pooler and task or pre-training heads
 * ({@code bert.pooler.*}, {@code mlm.*}, {@code classify.*}, {@code predict.*}) are not read: the
 * family pools residue states into its own head. Every other tensor is kept under its name, so a
 * tensor the encoder does not have is reported as unexpected when it is loaded.
 */
public record TapeCheckpoint(BertConfig config, LinkedHashMap<String, FloatTensor> encoderWeights) {
  static final String PREFIX = "bert.";
  private static final List<String> NOT_ENCODER = List.of("bert.pooler.", "mlm.", "classify.", "predict.");

  public static TapeCheckpoint read(String folder, Configuration hadoop) {
    try {
      JsonObject json = HfBertCheckpoint.configJson(folder, hadoop);
      // ProteinBert numbers positions from 0 (torch.arange(seq_length)).
      BertConfig config = HfBertCheckpoint.shape(json, folder, 0);
      return new TapeCheckpoint(config, encoderWeights(HfBertCheckpoint.tensors(folder, hadoop)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("TAPE checkpoint " + folder + ": " + e.getMessage(), e);
    }
  }

  static LinkedHashMap<String, FloatTensor> encoderWeights(Map<String, FloatTensor> raw) {
    LinkedHashMap<String, FloatTensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, FloatTensor> e : raw.entrySet()) {
      String name = e.getKey();
      if (NOT_ENCODER.stream().anyMatch(name::startsWith)) {
        continue;
      }
      String key = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
      if (out.put(key, e.getValue()) != null) {
        throw new IllegalArgumentException("two tensors map to '" + key + "'");
      }
    }
    return out;
  }
}

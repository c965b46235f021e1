package org.smcbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.smcbench.model.CheckpointFiles;
import org.smcbench.model.FloatTensor;

/**
 * A Hugging Face BERT or RoBERTa checkpoint folder (local or on any Hadoop file system, e.g.
 * {@code s3a://}): {@code config.json} gives the architecture — RoBERTa's position offset
 * ({@code pad_token_id + 1}) and single token type vs BERT's — {@code model.safetensors} the
 * weights under Hugging Face names ({@code roberta.encoder.layer.N.attention.self.query.weight},
 * ...), {@code tokenizer.json} the tokenizer. Names lose their {@code bert.} / {@code roberta.}
 * prefix; task heads, the pooler and buffers are not part of the encoder and are left out.
 */
public record HfBertCheckpoint(BertConfig config, LinkedHashMap<String, FloatTensor> weights) {
  private static final List<String> PREFIXES = List.of("roberta.", "bert.");
  /** Checkpoint entries outside the encoder: pre-training and task heads, the pooler, buffers. */
  private static final List<String> NOT_ENCODER = List.of("pooler.", "lm_head.", "cls.", "classifier.", "qa_outputs.");

  public static HfBertCheckpoint read(String folder, Configuration hadoop) {
    try {
      JsonObject config = configJson(folder, hadoop);
      return new HfBertCheckpoint(config(config, folder), encoderWeights(tensors(folder, hadoop)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Hugging Face checkpoint " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The folder's {@code config.json}. */
  public static JsonObject configJson(String folder, Configuration hadoop) {
    try {
      return JsonParser.parseString(Files.readString(file(folder, "config.json", hadoop), StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config.json in " + folder, e);
    }
  }

  /** Every tensor of the folder's {@code model.safetensors} as float32, by its name in the file. */
  public static LinkedHashMap<String, FloatTensor> tensors(String folder, Configuration hadoop) {
    try (NDManager manager = NDManager.newBaseManager();
        InputStream in = Files.newInputStream(file(folder, "model.safetensors", hadoop))) {
      LinkedHashMap<String, FloatTensor> raw = new LinkedHashMap<>();
      for (NDArray array : NDList.decode(manager, in)) {
        raw.put(array.getName(), new FloatTensor(array.getShape().getShape(),
            array.toType(DataType.FLOAT32, false).toFloatArray()));
      }
      return raw;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model.safetensors in " + folder, e);
    }
  }

  /** The checkpoint's tokenizer.json. */
  public static byte[] tokenizerJson(String folder, Configuration hadoop) {
    try {
      return Files.readAllBytes(file(folder, "tokenizer.json", hadoop));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tokenizer.json of " + folder, e);
    }
  }

  /** BERT or RoBERTa shape from a Hugging Face {@code config.json}. */
  static BertConfig config(JsonObject c, String source) {
    String type = required(c, "model_type", source).getAsString();
    int positionOffset = switch (type) {
      case "bert" -> 0;
      // RoBERTa numbers positions from padding_idx + 1; rows 0..padding_idx are never used.
      case "roberta", "xlm-roberta" -> required(c, "pad_token_id", source).getAsInt() + 1;
      default -> throw new IllegalArgumentException("model_type '" + type + "' is not bert, roberta or xlm-roberta");
    };
    if (c.has("position_embedding_type") && !"absolute".equals(c.get("position_embedding_type").getAsString())) {
      throw new IllegalArgumentException("position_embedding_type " + c.get("position_embedding_type")
          + " is not supported (absolute only)");
    }
    return shape(c, source, positionOffset);
  }

  /**
   * The encoder shape from the fields BERT-style configs share ({@code vocab_size}, {@code
   * hidden_size}, {@code num_hidden_layers}, ..., as Hugging Face's and TAPE's {@code config.json}
   * spell them); layer_norm_eps defaults to 1e-12 and hidden_dropout_prob to 0.1, as in BERT.
   */
  public static BertConfig shape(JsonObject c, String source, int positionOffset) {
    if (c.has("hidden_act") && !"gelu".equals(c.get("hidden_act").getAsString())) {
      throw new IllegalArgumentException("hidden_act " + c.get("hidden_act") + " is not supported (gelu only)");
    }
    return new BertConfig(
        required(c, "vocab_size", source).getAsInt(),
        required(c, "hidden_size", source).getAsInt(),
        required(c, "num_hidden_layers", source).getAsInt(),
        required(c, "num_attention_heads", source).getAsInt(),
        required(c, "intermediate_size", source).getAsInt(),
        required(c, "max_position_embeddings", source).getAsInt(),
        required(c, "type_vocab_size", source).getAsInt(),
        c.has("layer_norm_eps") ? c.get("layer_norm_eps").getAsDouble() : 1e-12,
        positionOffset,
        c.has("hidden_dropout_prob") ? c.get("hidden_dropout_prob").getAsDouble() : 0.1);
  }

  /** Encoder tensors under the model's names: prefix stripped, heads and buffers left out. */
  static LinkedHashMap<String, FloatTensor> encoderWeights(Map<String, FloatTensor> raw) {
    LinkedHashMap<String, FloatTensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, FloatTensor> e : raw.entrySet()) {
      String name = e.getKey();
      for (String prefix : PREFIXES) {
        if (name.startsWith(prefix)) {
          name = name.substring(prefix.length());
          break;
        }
      }
      boolean head = NOT_ENCODER.stream().anyMatch(name::startsWith);
      if (head || name.endsWith("position_ids")) {
        continue;
      }
      if (out.put(name, e.getValue()) != null) {
        throw new IllegalArgumentException("two tensors map to '" + name + "'");
      }
    }
    return out;
  }

  private static com.google.gson.JsonElement required(JsonObject c, String field, String source) {
    if (!c.has(field) || c.get(field).isJsonNull()) {
      throw new IllegalArgumentException("config.json of " + source + " lacks '" + field + "'");
    }
    return c.get(field);
  }

  private static Path file(String folder, String name, Configuration hadoop) {
    return CheckpointFiles.local((folder.endsWith("/") ? folder : folder + "/") + name, hadoop);
  }
}

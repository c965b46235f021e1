package org.smcbench.model.mbart;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.smcbench.model.CheckpointFiles;
import org.smcbench.model.FloatTensor;

/**
 * A Hugging Face mBART checkpoint folder (local or on any Hadoop file system, e.g. {@code s3a://}):
 * {@code config.json} of {@code model_type "mbart"} and {@code model.safetensors} in
 * {@code MBartForConditionalGeneration}'s naming. The token table may be stored under any of its
 * tied names ({@code model.shared.weight}, {@code model.encoder.embed_tokens.weight},
 * {@code model.decoder.embed_tokens.weight}, {@code lm_head.weight}: safetensors keeps one copy of
 * tied tensors, and which name survives depends on the writer); copies under several names must agree.
 *
 * @param weights         every model tensor by {@link MbartModel}'s names
 * @param finalLogitsBias the {@code final_logits_bias} buffer (zeros when absent)
 */
public record HfMbartCheckpoint(MbartConfig config, LinkedHashMap<String, FloatTensor> weights,
    float[] finalLogitsBias) {
  static final String FINAL_LOGITS_BIAS = "final_logits_bias";
  private static final List<String> TIED = List.of(MbartModel.SHARED, "model.encoder.embed_tokens.weight",
      "model.decoder.embed_tokens.weight", "lm_head.weight");

  public static HfMbartCheckpoint read(String folder, Configuration hadoop) {
    try {
      JsonObject json = JsonParser.parseString(Files.readString(file(folder, "config.json", hadoop),
          StandardCharsets.UTF_8)).getAsJsonObject();
      MbartConfig config = MbartConfig.fromHfConfig(json, folder);
      LinkedHashMap<String, FloatTensor> weights = new LinkedHashMap<>();
      float[] bias = new float[config.vocabSize()];
      FloatTensor table = null;
      String tableName = null;
      try (NDManager manager = NDManager.newBaseManager();
          InputStream in = Files.newInputStream(file(folder, "model.safetensors", hadoop))) {
        for (NDArray array : NDList.decode(manager, in)) {
          String name = array.getName();
          FloatTensor tensor = new FloatTensor(array.getShape().getShape(),
              array.toType(DataType.FLOAT32, false).toFloatArray());
          if (name.equals(FINAL_LOGITS_BIAS)) {
            bias = tensor.data();
          } else if (TIED.contains(name)) {
            if (table != null && !Arrays.equals(table.data(), tensor.data())) {
              throw new IllegalArgumentException("tied tensors " + tableName + " and " + name + " differ");
            }
            table = tensor;
            tableName = name;
          } else if (!name.endsWith("position_ids") && weights.put(name, tensor) != null) {
            throw new IllegalArgumentException("two tensors are named '" + name + "'");
          }
        }
      }
      if (table == null) {
        throw new IllegalArgumentException("no token embedding under any of " + TIED);
      }
      LinkedHashMap<String, FloatTensor> ordered = new LinkedHashMap<>();
      ordered.put(MbartModel.SHARED, table);
      ordered.putAll(weights);
      return new HfMbartCheckpoint(config, ordered, bias);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Hugging Face checkpoint in " + folder, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Hugging Face checkpoint " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Builds the model this checkpoint describes, its weights loaded, in {@code manager}. */
  public MbartModel build(NDManager manager, long seed) {
    MbartModel model = new MbartModel(config, seed);
    model.loadWeights(weights, manager);
    model.initializeParameters(manager);
    model.setFinalLogitsBias(finalLogitsBias);
    return model;
  }

  /**
   * Writes {@code config.json} and {@code model.safetensors} as {@code transformers} does for
   * {@code MBartForConditionalGeneration}: the token table once, under {@code model.shared.weight}
   * (its tied names are restored on load), and the {@code final_logits_bias} buffer.
   */
  public static void write(Path folder, MbartModel model) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("config.json"),
          new GsonBuilder().setPrettyPrinting().create().toJson(model.config().toHfConfig()), StandardCharsets.UTF_8);
      Map<String, Parameter> named = model.namedParameters();
      try (NDManager manager = NDManager.newBaseManager();
          NDList out = new NDList(named.size() + 1);
          OutputStream stream = Files.newOutputStream(folder.resolve("model.safetensors"))) {
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
          NDArray array = e.getValue().getArray();
          NDArray view = array.reshape(array.getShape()); // the view carries the file's key, not the parameter
          view.setName(e.getKey());
          out.add(view);
        }
        NDArray bias = manager.create(model.finalLogitsBias(), new Shape(1, model.config().vocabSize()));
        bias.setName(FINAL_LOGITS_BIAS);
        out.add(bias);
        out.encode(stream, NDList.Encoding.SAFETENSORS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Hugging Face checkpoint in " + folder, e);
    }
  }

  private static Path file(String folder, String name, Configuration hadoop) {
    return CheckpointFiles.local((folder.endsWith("/") ? folder : folder + "/") + name, hadoop);
  }
}

package org.smcbench.model.esm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.smcbench.model.CheckpointFiles;
import org.smcbench.model.FloatTensor;

/**
 * A Hugging Face ESM checkpoint folder (local or on any Hadoop file system, e.g. {@code s3a://}):
 * {@code config.json} of {@code model_type "esm"} and {@code model.safetensors} with the encoder
 * under {@code esm.} ({@code esm.encoder.layer.N.attention.self.query.weight}, ...) and, for
 * {@code EsmForMaskedLM}, the {@code lm_head.*} tensors. Encoder names lose the {@code esm.} prefix;
 * the contact head, task classifiers, the pooler and buffers are left out, and so is
 * {@code lm_head.decoder.weight} (tied to the word embeddings).
 *
 * @param encoderWeights the encoder's tensors by the names {@link EsmEncoder} uses
 * @param lmHeadWeights  {@code lm_head.*} tensors (empty for an encoder-only checkpoint)
 */
public record HfEsmCheckpoint(EsmConfig config, LinkedHashMap<String, FloatTensor> encoderWeights,
    LinkedHashMap<String, FloatTensor> lmHeadWeights) {
  static final String PREFIX = "esm.";
  static final String LM_HEAD = "lm_head.";
  private static final String TIED_DECODER = "lm_head.decoder.weight";
  /** Entries outside the encoder and the masked-LM head, after the prefix is stripped. */
  private static final List<String> NOT_ENCODER = List.of("contact_head.", "classifier.", "pooler.");

  public static HfEsmCheckpoint read(String folder, Configuration hadoop) {
    try {
      JsonObject json = JsonParser.parseString(Files.readString(file(folder, "config.json", hadoop),
          StandardCharsets.UTF_8)).getAsJsonObject();
      EsmConfig config = EsmConfig.fromHfConfig(json, folder);
      try (NDManager manager = NDManager.newBaseManager();
          InputStream in = Files.newInputStream(file(folder, "model.safetensors", hadoop))) {
        LinkedHashMap<String, FloatTensor> encoder = new LinkedHashMap<>();
        LinkedHashMap<String, FloatTensor> lmHead = new LinkedHashMap<>();
        for (NDArray array : NDList.decode(manager, in)) {
          String name = array.getName().startsWith(PREFIX) ? array.getName().substring(PREFIX.length()) : array.getName();
          if (dropped(name, config)) {
            continue;
          }
          FloatTensor tensor = new FloatTensor(array.getShape().getShape(),
              array.toType(DataType.FLOAT32, false).toFloatArray());
          if ((name.startsWith(LM_HEAD) ? lmHead : encoder).put(name, tensor) != null) {
            throw new IllegalArgumentException("two tensors map to '" + name + "'");
          }
        }
        return new HfEsmCheckpoint(config, encoder, lmHead);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Hugging Face checkpoint in " + folder, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Hugging Face checkpoint " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code config.json} and {@code model.safetensors} in Hugging Face's
   * {@code EsmForMaskedLM} layout: encoder names get the {@code esm.} prefix, head names
   * ({@code lm_head.*}) stay as they are. The tied decoder is not written; {@code transformers}
   * ties it on load. {@code lmHead} may be empty for an encoder-only checkpoint.
   */
  public static void write(Path folder, EsmConfig config, Map<String, Parameter> encoder,
      Map<String, Parameter> lmHead) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("config.json"),
          new GsonBuilder().setPrettyPrinting().create().toJson(config.toHfConfigJson()), StandardCharsets.UTF_8);
      try (NDList named = new NDList(encoder.size() + lmHead.size());
          OutputStream out = Files.newOutputStream(folder.resolve("model.safetensors"))) {
        for (Map.Entry<String, Parameter> e : encoder.entrySet()) {
          if (e.getKey().startsWith(LM_HEAD)) {
            throw new IllegalArgumentException("encoder parameter '" + e.getKey() + "' has a head name");
          }
          named.add(view(PREFIX + e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, Parameter> e : lmHead.entrySet()) {
          if (!e.getKey().startsWith(LM_HEAD)) {
            throw new IllegalArgumentException("head parameter '" + e.getKey() + "' does not start with " + LM_HEAD);
          }
          named.add(view(e.getKey(), e.getValue()));
        }
        named.encode(out, NDList.Encoding.SAFETENSORS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Hugging Face checkpoint in " + folder, e);
    }
  }

  /** A view carries the file's key, so the parameter's own array keeps its name. */
  private static NDArray view(String key, Parameter parameter) {
    NDArray array = parameter.getArray();
    NDArray view = array.reshape(array.getShape());
    view.setName(key);
    return view;
  }

  /**
   * Tensors that are not model weights here: other heads, buffers (rotary {@code inv_freq},
   * {@code position_ids}), the tied decoder, and the position table some rotary checkpoints still
   * carry (Hugging Face ignores it on load as well).
   */
  private static boolean dropped(String name, EsmConfig config) {
    return NOT_ENCODER.stream().anyMatch(name::startsWith)
        || name.endsWith(".inv_freq")
        || name.endsWith("position_ids")
        || name.equals(TIED_DECODER)
        || (config.rotary() && name.equals(EsmEmbeddings.POSITION_EMBEDDINGS));
  }

  private static Path file(String folder, String name, Configuration hadoop) {
    return CheckpointFiles.local((folder.endsWith("/") ? folder : folder + "/") + name, hadoop);
  }
}

package org.smcbench.model.esm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Shape and regularisation of an ESM-1b / ESM-2 protein encoder (pre-LayerNorm transformer), with
 * the fields of a Hugging Face {@code config.json} of {@code model_type = "esm"}.
 *
 * @param vocabSize          rows of the word embedding (33 for the ESM alphabet)
 * @param hidden             model width H
 * @param layers             number of transformer layers
 * @param heads              attention heads; must divide {@code hidden}
 * @param intermediate       FFN width
 * @param maxPositions       rows of the absolute position table (nominal length for rotary)
 * @param positions          {@code "rotary"} (ESM-2) or {@code "absolute"} (ESM-1b, learned table)
 * @param layerNormEps       epsilon of every LayerNorm
 * @param embLayerNormBefore LayerNorm right after the embeddings (ESM-1b true, ESM-2 false)
 * @param tokenDropout       zero {@code <mask>} embeddings and rescale (ESM's "mask dropout")
 * @param padId              padding token id (also the padding row of the embedding tables)
 * @param maskId             {@code <mask>} token id
 * @param dropout            dropout of attention probabilities and sub-layer outputs
 */
public record EsmConfig(
    int vocabSize,
    int hidden,
    int layers,
    int heads,
    int intermediate,
    int maxPositions,
    String positions,
    double layerNormEps,
    boolean embLayerNormBefore,
    boolean tokenDropout,
    int padId,
    int maskId,
    double dropout) {

  public static final String ROTARY = "rotary";
  public static final String ABSOLUTE = "absolute";

  public EsmConfig {
    requirePositive("vocabSize", vocabSize);
    requirePositive("hidden", hidden);
    requirePositive("heads", heads);
    requirePositive("intermediate", intermediate);
    requirePositive("maxPositions", maxPositions);
    if (layers < 0) {
      throw new IllegalArgumentException("layers must be >= 0, got " + layers);
    }
    if (hidden % heads != 0) {
      throw new IllegalArgumentException("hidden " + hidden + " is not divisible by heads " + heads);
    }
    if (!ROTARY.equals(positions) && !ABSOLUTE.equals(positions)) {
      throw new IllegalArgumentException("positions must be 'rotary' or 'absolute', got '" + positions + "'");
    }
    if (ROTARY.equals(positions) && (hidden / heads) % 2 != 0) {
      throw new IllegalArgumentException("rotary positions need an even head size, got " + hidden / heads);
    }
    if (!(layerNormEps > 0)) {
      throw new IllegalArgumentException("layerNormEps must be > 0, got " + layerNormEps);
    }
    if (padId < 0 || padId >= vocabSize || maskId < 0 || maskId >= vocabSize) {
      throw new IllegalArgumentException("padId " + padId + " and maskId " + maskId + " must lie in [0, "
          + vocabSize + ")");
    }
    if (ABSOLUTE.equals(positions) && padId + 1 >= maxPositions) {
      throw new IllegalArgumentException("maxPositions " + maxPositions + " leaves no row after padId " + padId);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
  }

  /** facebook/esm2_t6_8M_UR50D, the smallest ESM-2. */
  public static EsmConfig esm2T6() {
    return new EsmConfig(33, 320, 6, 20, 1280, 1026, ROTARY, 1e-5, false, true, 1, 32, 0.0);
  }

  public EsmConfig withDropout(double dropout) {
    return new EsmConfig(vocabSize, hidden, layers, heads, intermediate, maxPositions, positions,
        layerNormEps, embLayerNormBefore, tokenDropout, padId, maskId, dropout);
  }

  public int headSize() {
    return hidden / heads;
  }

  public boolean rotary() {
    return ROTARY.equals(positions);
  }

  /**
   * Longest input (special tokens included) the position table can embed: absolute ids run from
   * {@code padId + 1}. Rotary positions have no table and hence no limit.
   */
  public int maxSequenceLength() {
    return rotary() ? Integer.MAX_VALUE : maxPositions - padId - 1;
  }

  /** Reads a Hugging Face {@code config.json} of {@code model_type "esm"}; {@code source} names it in errors. */
  public static EsmConfig fromHfConfig(JsonObject c, String source) {
    String type = required(c, "model_type", source).getAsString();
    if (!"esm".equals(type)) {
      throw new IllegalArgumentException("config.json of " + source + ": model_type '" + type + "' is not esm");
    }
    int vocab = required(c, "vocab_size", source).getAsInt();
    int hidden = required(c, "hidden_size", source).getAsInt();
    int layers = required(c, "num_hidden_layers", source).getAsInt();
    int heads = required(c, "num_attention_heads", source).getAsInt();
    int intermediate = required(c, "intermediate_size", source).getAsInt();
    int maxPositions = required(c, "max_position_embeddings", source).getAsInt();
    String positions = required(c, "position_embedding_type", source).getAsString();
    double eps = required(c, "layer_norm_eps", source).getAsDouble();
    boolean normBefore = required(c, "emb_layer_norm_before", source).getAsBoolean();
    boolean tokenDropout = required(c, "token_dropout", source).getAsBoolean();
    int pad = required(c, "pad_token_id", source).getAsInt();
    int mask = required(c, "mask_token_id", source).getAsInt();
    double dropout = required(c, "hidden_dropout_prob", source).getAsDouble();
    try {
      return new EsmConfig(vocab, hidden, layers, heads, intermediate, maxPositions, positions, eps,
          normBefore, tokenDropout, pad, mask, dropout);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("config.json of " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * This configuration as a Hugging Face {@code config.json} ({@code EsmForMaskedLM}), the keys
   * {@link #fromHfConfig} reads plus the few {@code transformers} needs to rebuild the model.
   */
  public JsonObject toHfConfigJson() {
    JsonObject c = new JsonObject();
    JsonArray architectures = new JsonArray();
    architectures.add("EsmForMaskedLM");
    c.add("architectures", architectures);
    c.addProperty("model_type", "esm");
    c.addProperty("vocab_size", vocabSize);
    c.addProperty("hidden_size", hidden);
    c.addProperty("num_hidden_layers", layers);
    c.addProperty("num_attention_heads", heads);
    c.addProperty("intermediate_size", intermediate);
    c.addProperty("max_position_embeddings", maxPositions);
    c.addProperty("position_embedding_type", positions);
    c.addProperty("layer_norm_eps", layerNormEps);
    c.addProperty("emb_layer_norm_before", embLayerNormBefore);
    c.addProperty("token_dropout", tokenDropout);
    c.addProperty("pad_token_id", padId);
    c.addProperty("mask_token_id", maskId);
    c.addProperty("hidden_dropout_prob", dropout);
    // One rate here for both; Hugging Face keeps a separate one for attention probabilities.
    c.addProperty("attention_probs_dropout_prob", dropout);
    c.addProperty("initializer_range", org.smcbench.model.TransformerBlock.INIT_STD);
    c.addProperty("tie_word_embeddings", true);
    return c;
  }

  private static JsonElement required(JsonObject c, String field, String source) {
    if (!c.has(field) || c.get(field).isJsonNull()) {
      throw new IllegalArgumentException("config.json of " + source + " lacks '" + field + "'");
    }
    return c.get(field);
  }

  private static void requirePositive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
  }
}

package org.smcbench.model.mbart;

import com.google.gson.JsonObject;

/**
 * Shape and regularisation of an mBART-style encoder-decoder (pre-LayerNorm transformer, shared
 * token embedding tied to the output projection), with the fields of a Hugging Face
 * {@code config.json} of {@code model_type = "mbart"}.
 *
 * @param vocabSize         rows of the shared embedding (subwords, specials and language tokens)
 * @param dModel            model width H
 * @param encoderLayers     encoder depth
 * @param decoderLayers     decoder depth
 * @param heads             attention heads of every attention (encoder and decoder); divides H
 * @param ffn               FFN width of every layer
 * @param maxPositions      longest sequence; the learned position tables have 2 more rows (mBART's offset)
 * @param dropout           dropout after embeddings, attention outputs and FFN outputs
 * @param attentionDropout  dropout of attention probabilities
 * @param activationDropout dropout after the FFN's GELU
 * @param scaleEmbedding    token embeddings are multiplied by sqrt(H) (mBART-50: true)
 * @param padId             padding token (and the embedding's zero row)
 * @param eosId             {@code </s>}: ends a sequence and starts the decoder
 */
public record MbartConfig(
    int vocabSize,
    int dModel,
    int encoderLayers,
    int decoderLayers,
    int heads,
    int ffn,
    int maxPositions,
    double dropout,
    double attentionDropout,
    double activationDropout,
    boolean scaleEmbedding,
    int padId,
    int eosId) {

  /** Rows the learned position tables have beyond {@link #maxPositions} (Hugging Face keeps fairseq's offset). */
  public static final int POSITION_OFFSET = 2;
  static final double LAYER_NORM_EPS = 1e-5;

  public MbartConfig {
    requirePositive("vocabSize", vocabSize);
    requirePositive("dModel", dModel);
    requirePositive("heads", heads);
    requirePositive("ffn", ffn);
    requirePositive("maxPositions", maxPositions);
    if (encoderLayers < 1 || decoderLayers < 1) {
      throw new IllegalArgumentException("encoder and decoder need at least one layer, got " + encoderLayers
          + " and " + decoderLayers);
    }
    if (dModel % heads != 0) {
      throw new IllegalArgumentException("d_model " + dModel + " is not divisible by heads " + heads);
    }
  }

  public int headSize() {
    return dModel / heads;
  }

  /** Multiplier of the token embeddings. */
  public float embedScale() {
    return scaleEmbedding ? (float) Math.sqrt(dModel) : 1f;
  }

  /** Reads a Hugging Face mBART {@code config.json}; {@code source} names it in errors. */
  public static MbartConfig fromHfConfig(JsonObject json, String source) {
    String type = json.has("model_type") ? json.get("model_type").getAsString() : "";
    if (!type.equals("mbart")) {
      throw new IllegalArgumentException(source + ": model_type is '" + type + "', expected 'mbart'");
    }
    String activation = json.has("activation_function") ? json.get("activation_function").getAsString() : "gelu";
    if (!activation.equals("gelu")) {
      throw new IllegalArgumentException(source + ": activation_function '" + activation + "' is not supported"
          + " (mBART uses gelu)");
    }
    int heads = same(json, "encoder_attention_heads", "decoder_attention_heads", source);
    int ffn = same(json, "encoder_ffn_dim", "decoder_ffn_dim", source);
    return new MbartConfig(
        integer(json, "vocab_size", source),
        integer(json, "d_model", source),
        integer(json, "encoder_layers", source),
        integer(json, "decoder_layers", source),
        heads,
        ffn,
        integer(json, "max_position_embeddings", source),
        number(json, "dropout", 0.1),
        number(json, "attention_dropout", 0.0),
        number(json, "activation_dropout", 0.0),
        json.has("scale_embedding") && json.get("scale_embedding").getAsBoolean(),
        json.has("pad_token_id") ? json.get("pad_token_id").getAsInt() : 1,
        json.has("eos_token_id") ? json.get("eos_token_id").getAsInt() : 2);
  }

  /** The Hugging Face {@code config.json} of this shape ({@code MBartForConditionalGeneration}). */
  public JsonObject toHfConfig() {
    JsonObject c = new JsonObject();
    c.addProperty("model_type", "mbart");
    com.google.gson.JsonArray architectures = new com.google.gson.JsonArray();
    architectures.add("MBartForConditionalGeneration");
    c.add("architectures", architectures);
    c.addProperty("vocab_size", vocabSize);
    c.addProperty("d_model", dModel);
    c.addProperty("encoder_layers", encoderLayers);
    c.addProperty("decoder_layers", decoderLayers);
    c.addProperty("encoder_attention_heads", heads);
    c.addProperty("decoder_attention_heads", heads);
    c.addProperty("encoder_ffn_dim", ffn);
    c.addProperty("decoder_ffn_dim", ffn);
    c.addProperty("max_position_embeddings", maxPositions);
    c.addProperty("dropout", dropout);
    c.addProperty("attention_dropout", attentionDropout);
    c.addProperty("activation_dropout", activationDropout);
    c.addProperty("activation_function", "gelu");
    c.addProperty("scale_embedding", scaleEmbedding);
    c.addProperty("pad_token_id", padId);
    c.addProperty("eos_token_id", eosId);
    c.addProperty("bos_token_id", 0);
    c.addProperty("decoder_start_token_id", eosId);
    c.addProperty("init_std", org.smcbench.model.TransformerBlock.INIT_STD);
    c.addProperty("tie_word_embeddings", true);
    return c;
  }

  private static int same(JsonObject json, String encoderKey, String decoderKey, String source) {
    int encoder = integer(json, encoderKey, source);
    int decoder = integer(json, decoderKey, source);
    if (encoder != decoder) {
      throw new IllegalArgumentException(source + ": " + encoderKey + " = " + encoder + " differs from "
          + decoderKey + " = " + decoder + "; this model uses one value for both");
    }
    return encoder;
  }

  private static int integer(JsonObject json, String key, String source) {
    if (!json.has(key)) {
      throw new IllegalArgumentException(source + ": config.json has no '" + key + "'");
    }
    return json.get(key).getAsInt();
  }

  private static double number(JsonObject json, String key, double fallback) {
    return json.has(key) ? json.get(key).getAsDouble() : fallback;
  }

  private static void requirePositive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
  }
}

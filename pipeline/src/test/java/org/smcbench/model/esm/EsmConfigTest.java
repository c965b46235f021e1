package org.smcbench.model.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class EsmConfigTest {

  @Test
  void huggingFaceConfigRoundTrips() {
    for (EsmConfig config : java.util.List.of(EsmConfig.esm2T6(), TinyEsm.esm1b(), TinyEsm.esm2().withDropout(0.1))) {
      JsonObject json = config.toHfConfigJson();
      assertEquals("esm", json.get("model_type").getAsString());
      assertEquals(config, EsmConfig.fromHfConfig(json, "round trip"));
    }
  }

  @Test
  void unsupportedPositionsAndModelTypesNameTheSource() {
    JsonObject relative = EsmConfig.esm2T6().toHfConfigJson();
    relative.addProperty("position_embedding_type", "relative_key");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EsmConfig.fromHfConfig(relative, "s3a://bucket/esm"));
    assertTrue(e.getMessage().contains("s3a://bucket/esm") && e.getMessage().contains("relative_key"), e.getMessage());

    JsonObject bert = EsmConfig.esm2T6().toHfConfigJson();
    bert.addProperty("model_type", "bert");
    e = assertThrows(IllegalArgumentException.class, () -> EsmConfig.fromHfConfig(bert, "folder"));
    assertTrue(e.getMessage().contains("model_type 'bert'"), e.getMessage());
  }

  @Test
  void headSizeAndLongestInput() {
    assertEquals(16, EsmConfig.esm2T6().headSize());
    // Absolute ids run from padId + 1 = 2 up to maxPositions - 1 = 63: 62 tokens.
    assertEquals(62, TinyEsm.esm1b().maxSequenceLength());
    assertEquals(Integer.MAX_VALUE, TinyEsm.esm2().maxSequenceLength());
  }
}

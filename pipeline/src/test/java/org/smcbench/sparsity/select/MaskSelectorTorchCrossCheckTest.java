package org.smcbench.sparsity.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our exact global and layerwise magnitude masks against PyTorch's own
 * {@code torch.nn.utils.prune.global_unstructured} / {@code l1_unstructured} on the same weights
 * (fixture made by tools/reference/prune_fixtures.py).
 */
class MaskSelectorTorchCrossCheckTest {

  @Test
  void magnitudeMasksEqualPyTorchs() throws Exception {
    JsonObject fixture;
    try (Reader r = new InputStreamReader(
        getClass().getResourceAsStream("/reference/torch_prune_masks.json"), StandardCharsets.UTF_8)) {
      fixture = JsonParser.parseReader(r).getAsJsonObject();
    }
    LinkedHashMap<String, float[]> scores = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : fixture.getAsJsonObject("weights").entrySet()) {
      JsonArray values = e.getValue().getAsJsonArray();
      float[] abs = new float[values.size()];
      for (int i = 0; i < abs.length; i++) {
        abs[i] = Math.abs(values.get(i).getAsFloat());
      }
      scores.put(e.getKey(), abs);
    }
    int cases = 0;
    for (JsonElement c : fixture.getAsJsonArray("cases")) {
      JsonObject kase = c.getAsJsonObject();
      double sparsity = kase.get("sparsity").getAsDouble();
      compare(kase.getAsJsonObject("global"), MaskSelector.select(scores, sparsity), "global " + sparsity);
      compare(kase.getAsJsonObject("layerwise"),
          MaskSelector.select(scores, sparsity, MaskSelector.Granularity.LAYERWISE), "layerwise " + sparsity);
      cases++;
    }
    assertEquals(7, cases);
  }

  private static void compare(JsonObject torchMasks, MaskSelection ours, String label) {
    for (Map.Entry<String, JsonElement> e : torchMasks.entrySet()) {
      JsonArray flags = e.getValue().getAsJsonArray();
      boolean[] expected = new boolean[flags.size()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = flags.get(i).getAsInt() == 1;
      }
      assertArrayEquals(expected, ours.mask(e.getKey()), label + " " + e.getKey());
    }
  }
}

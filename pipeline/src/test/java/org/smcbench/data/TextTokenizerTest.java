package org.smcbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Special tokens and the pair layout come from the tokenizer's own tokenizer.json. */
class TextTokenizerTest {
  /** A RoBERTa-style tokenizer.json: word-level vocabulary, RobertaProcessing post-processor. */
  private static final String ROBERTA_STYLE = """
      {"version": "1.0", "truncation": null, "padding": null,
       "added_tokens": [
         {"id": 0, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
         {"id": 1, "content": "<pad>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
         {"id": 2, "content": "</s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
       "normalizer": null,
       "pre_tokenizer": {"type": "Whitespace"},
       "post_processor": {"type": "RobertaProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0],
                          "trim_offsets": true, "add_prefix_space": false},
       "decoder": null,
       "model": {"type": "WordLevel", "vocab": {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "hello": 4, "world": 5},
                 "unk_token": "<unk>"}}
      """;

  @Test
  void robertaStyleTokenizerHasTwoSeparatorsBetweenSegments() throws IOException {
    try (TextTokenizer t = TextTokenizer.fromJson(new ByteArrayInputStream(ROBERTA_STYLE.getBytes(StandardCharsets.UTF_8)))) {
      assertEquals(0, t.clsId());
      assertEquals(2, t.sepId());
      assertEquals(1, t.padId());
      assertEquals(2, t.pairSeparators());
      assertArrayEquals(new int[] {4, 5, 3}, t.encode("hello world nope"));
    }
  }

  @Test
  void miniLmsBertTokenizerHasOne() throws IOException {
    try (org.smcbench.model.bert.OnnxEncoderArtifact artifact = org.smcbench.model.bert.OnnxEncoderArtifact.fromClasspath();
        java.io.InputStream in = artifact.openTokenizerJson();
        TextTokenizer t = TextTokenizer.fromJson(in)) {
      assertEquals(101, t.clsId());
      assertEquals(102, t.sepId());
      assertEquals(0, t.padId());
      assertEquals(1, t.pairSeparators());
    }
  }
}

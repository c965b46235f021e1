package org.smcbench.model.bert;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.smcbench.data.TextTokenizer;

/** A right-padded batch of single sentences as BERT reads them: [CLS] tokens [SEP] [PAD]... */
record Sentences(long[][] ids, long[][] types, long[][] mask) {

  static Sentences encode(List<String> texts) {
    try (OnnxEncoderArtifact artifact = OnnxEncoderArtifact.fromClasspath();
        InputStream json = artifact.openTokenizerJson();
        TextTokenizer tokenizer = TextTokenizer.fromJson(json)) {
      int[][] tokens = new int[texts.size()][];
      int length = 0;
      for (int i = 0; i < tokens.length; i++) {
        tokens[i] = tokenizer.encode(texts.get(i));
        length = Math.max(length, tokens[i].length + 2);
      }
      long[][] ids = new long[tokens.length][length];
      long[][] types = new long[tokens.length][length];
      long[][] mask = new long[tokens.length][length];
      for (int i = 0; i < tokens.length; i++) {
        Arrays.fill(ids[i], tokenizer.padId());
        ids[i][0] = tokenizer.clsId();
        for (int t = 0; t < tokens[i].length; t++) {
          ids[i][t + 1] = tokens[i][t];
        }
        ids[i][tokens[i].length + 1] = tokenizer.sepId();
        Arrays.fill(mask[i], 0, tokens[i].length + 2, 1);
      }
      return new Sentences(ids, types, mask);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int length() {
    return ids[0].length;
  }

  NDList toNDList(NDManager manager) {
    return new NDList(manager.create(ids), manager.create(types), manager.create(mask));
  }
}

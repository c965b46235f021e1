package org.smcbench.model.esm;

import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.Map;

/**
 * A plain-Java, loop-by-loop forward pass of Hugging Face's {@code EsmModel} (no pooler), in
 * double precision: an independent check of the DJL encoder's tensor plumbing (transposes, head
 * split, rotary halves, LayerNorm placement, masking).
 */
final class ReferenceEsm {
  private final EsmConfig c;
  private final Map<String, float[]> w = new HashMap<>();

  ReferenceEsm(EsmConfig config, Map<String, Parameter> parameters) {
    c = config;
    parameters.forEach((name, p) -> w.put(name, p.getArray().toFloatArray()));
  }

  /** Hidden states [T][H] of one sequence ({@code mask} 1 real, 0 padding). */
  double[][] forward(long[] ids, float[] mask) {
    double[][] x = embeddings(ids, mask);
    for (int l = 0; l < c.layers(); l++) {
      String p = "encoder.layer." + l + ".";
      double[][] context = attention(layerNorm(x, p + "attention.LayerNorm"), mask, p);
      x = add(x, linear(context, p + "attention.output.dense"));
      double[][] inner = linear(layerNorm(x, p + "LayerNorm"), p + "intermediate.dense");
      for (double[] row : inner) {
        for (int j = 0; j < row.length; j++) {
          row[j] = 0.5 * row[j] * (1 + erf(row[j] / Math.sqrt(2)));
        }
      }
      x = add(x, linear(inner, p + "output.dense"));
    }
    return layerNorm(x, "encoder.emb_layer_norm_after");
  }

  private double[][] embeddings(long[] ids, float[] mask) {
    int h = c.hidden();
    double real = 0;
    double masked = 0;
    for (int i = 0; i < ids.length; i++) {
      real += mask[i];
      masked += ids[i] == c.maskId() ? 1 : 0;
    }
    double scale = c.tokenDropout() ? (1 - 0.15 * 0.8) / (1 - masked / real) : 1;
    float[] words = w.get("embeddings.word_embeddings.weight");
    double[][] x = new double[ids.length][h];
    int position = c.padId();
    for (int i = 0; i < ids.length; i++) {
      boolean drop = c.tokenDropout() && ids[i] == c.maskId();
      for (int j = 0; j < h; j++) {
        x[i][j] = drop ? 0 : scale * words[(int) ids[i] * h + j];
      }
      if (!c.rotary()) {
        int pos = ids[i] == c.padId() ? c.padId() : ++position;
        float[] table = w.get("embeddings.position_embeddings.weight");
        for (int j = 0; j < h; j++) {
          x[i][j] += table[pos * h + j];
        }
      }
    }
    if (c.embLayerNormBefore()) {
      x = layerNorm(x, "embeddings.layer_norm");
    }
    for (int i = 0; i < ids.length; i++) {
      for (int j = 0; j < h; j++) {
        x[i][j] *= mask[i];
      }
    }
    return x;
  }

  private double[][] attention(double[][] x, float[] mask, String p) {
    int t = x.length;
    int d = c.headSize();
    double[][] q = linear(x, p + "attention.self.query");
    double[][] k = linear(x, p + "attention.self.key");
    double[][] v = linear(x, p + "attention.self.value");
    double[][] context = new double[t][c.hidden()];
    for (int head = 0; head < c.heads(); head++) {
      double[][] qh = new double[t][];
      double[][] kh = new double[t][];
      for (int i = 0; i < t; i++) {
        qh[i] = slice(q[i], head * d, d, Math.pow(d, -0.5));
        kh[i] = slice(k[i], head * d, d, 1);
        if (c.rotary()) {
          qh[i] = rotate(qh[i], i);
          kh[i] = rotate(kh[i], i);
        }
      }
      for (int i = 0; i < t; i++) {
        double[] scores = new double[t];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < t; j++) {
          scores[j] = mask[j] == 0 ? Double.NEGATIVE_INFINITY : dot(qh[i], kh[j]);
          max = Math.max(max, scores[j]);
        }
        double sum = 0;
        for (int j = 0; j < t; j++) {
          scores[j] = Math.exp(scores[j] - max);
          sum += scores[j];
        }
        for (int j = 0; j < t; j++) {
          for (int e = 0; e < d; e++) {
            context[i][head * d + e] += scores[j] / sum * v[j][head * d + e];
          }
        }
      }
    }
    return context;
  }

  /** Pair (e, e + d/2) turned by position · 10000^(−2e/d). */
  private static double[] rotate(double[] x, int position) {
    int half = x.length / 2;
    double[] out = new double[x.length];
    for (int e = 0; e < half; e++) {
      double angle = position / Math.pow(10000, 2.0 * e / x.length);
      out[e] = x[e] * Math.cos(angle) - x[e + half] * Math.sin(angle);
      out[e + half] = x[e + half] * Math.cos(angle) + x[e] * Math.sin(angle);
    }
    return out;
  }

  private double[][] linear(double[][] x, String name) {
    float[] weight = w.get(name + ".weight");
    float[] bias = w.get(name + ".bias");
    int out = bias.length;
    int in = x[0].length;
    double[][] y = new double[x.length][out];
    for (int i = 0; i < x.length; i++) {
      for (int o = 0; o < out; o++) {
        double s = bias[o];
        for (int j = 0; j < in; j++) {
          s += weight[o * in + j] * x[i][j];
        }
        y[i][o] = s;
      }
    }
    return y;
  }

  private double[][] layerNorm(double[][] x, String name) {
    float[] gamma = w.get(name + ".weight");
    float[] beta = w.get(name + ".bias");
    double[][] y = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double mean = 0;
      for (double v : x[i]) {
        mean += v / x[i].length;
      }
      double variance = 0;
      for (double v : x[i]) {
        variance += (v - mean) * (v - mean) / x[i].length;
      }
      y[i] = new double[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        y[i][j] = (x[i][j] - mean) / Math.sqrt(variance + c.layerNormEps()) * gamma[j] + beta[j];
      }
    }
    return y;
  }

  private static double[][] add(double[][] a, double[][] b) {
    double[][] y = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        y[i][j] = a[i][j] + b[i][j];
      }
    }
    return y;
  }

  private static double[] slice(double[] x, int from, int length, double scale) {
    double[] y = new double[length];
    for (int i = 0; i < length; i++) {
      y[i] = x[from + i] * scale;
    }
    return y;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7), enough for a float comparison. */
  private static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x));
    double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    return Math.signum(x) * (1 - poly * Math.exp(-x * x));
  }
}

package org.smcbench.model;

import java.util.Arrays;

/**
 * A float32 tensor on the Java heap, row-major: checkpoint data before it becomes (or after it
 * leaves) a model parameter. Arrays are shared, not copied; equality is by reference.
 *
 * @param shape dimensions, outermost first
 * @param data  {@code product(shape)} values in row-major order
 */
public record FloatTensor(long[] shape, float[] data) {

  public FloatTensor {
    long numel = 1;
    for (long dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      numel *= dim;
    }
    if (numel != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + numel + " values, got " + data.length);
    }
  }

  public long numel() {
    return data.length;
  }

  /** The transpose of a 2-D tensor: {@code [rows, cols]} becomes {@code [cols, rows]}. */
  public FloatTensor transpose2d() {
    if (shape.length != 2) {
      throw new IllegalStateException("transpose2d needs a 2-D tensor, shape is " + Arrays.toString(shape));
    }
    int rows = Math.toIntExact(shape[0]);
    int cols = Math.toIntExact(shape[1]);
    float[] out = new float[data.length];
    for (int r = 0; r < rows; r++) {
      int rowStart = r * cols;
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = data[rowStart + c];
      }
    }
    return new FloatTensor(new long[] {cols, rows}, out);
  }
}

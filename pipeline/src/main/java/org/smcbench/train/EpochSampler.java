package org.smcbench.train;

import java.util.Random;

/** Batches of example indices: a fresh seeded permutation per epoch, so a run is reproducible. */
public final class EpochSampler {
  private final int size;
  private final int batchSize;
  private final Random random;
  private int[] order;
  private int position;

  public EpochSampler(int size, int batchSize, long seed) {
    if (size <= 0) {
      throw new IllegalArgumentException("no training examples");
    }
    this.size = size;
    this.batchSize = Math.min(batchSize, size);
    this.random = new Random(seed);
    reshuffle();
  }

  public int[] next() {
    if (position + batchSize > size) {
      reshuffle();
    }
    int[] batch = new int[batchSize];
    System.arraycopy(order, position, batch, 0, batchSize);
    position += batchSize;
    return batch;
  }

  private void reshuffle() {
    order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    position = 0;
  }
}

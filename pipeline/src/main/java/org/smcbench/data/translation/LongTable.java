package org.smcbench.data.translation;

import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * An insert-only hash table from {@code long} keys to objects, open addressing with linear probing.
 * {@link BpeLearner} packs a pair of token ids into one long ({@code left << 32 | right}), whose
 * {@link Long#hashCode} ({@code left ^ right}) collides badly in a {@link java.util.HashMap}; keys
 * here are spread with a 64-bit mix, and never boxed.
 */
final class LongTable<V> {
  private long[] keys;
  private Object[] values;
  private int size;

  LongTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new Object[capacity];
  }

  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return (V) values[i];
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  V getOrCreate(long key, LongFunction<V> create) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    for (; values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return (V) values[i];
      }
    }
    V value = create.apply(key);
    keys[i] = key;
    values[i] = value;
    if (++size * 2 > keys.length) {
      grow();
    }
    return value;
  }

  int size() {
    return size;
  }

  /** Every value, in slot order (which depends only on the keys inserted and their order). */
  @SuppressWarnings("unchecked")
  void forEachValue(Consumer<V> action) {
    for (Object v : values) {
      if (v != null) {
        action.accept((V) v);
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != null) {
        int i = slot(oldKeys[j], mask);
        while (values[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: the high bits are well mixed
    return (int) (h >>> 32 ^ h) & mask;
  }
}

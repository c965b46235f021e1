package org.smcbench.results;

/** Population counts over two packed bitsets of the same tensor (the layout of {@link MaskRecord}). */
final class Bitsets {
  private Bitsets() {}

  static long andCount(byte[] a, byte[] b) {
    check(a, b);
    long n = 0;
    int i = 0;
    for (; i + 8 <= a.length; i += 8) {
      n += Long.bitCount(word(a, i) & word(b, i));
    }
    for (; i < a.length; i++) {
      n += Integer.bitCount((a[i] & b[i]) & 0xFF);
    }
    return n;
  }

  static long orCount(byte[] a, byte[] b) {
    check(a, b);
    long n = 0;
    int i = 0;
    for (; i + 8 <= a.length; i += 8) {
      n += Long.bitCount(word(a, i) | word(b, i));
    }
    for (; i < a.length; i++) {
      n += Integer.bitCount((a[i] | b[i]) & 0xFF);
    }
    return n;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  private static long word(byte[] bytes, int at) {
    return (long) LONGS.get(bytes, at);
  }

  private static void check(byte[] a, byte[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("bitsets of " + a.length + " and " + b.length + " bytes: not the same tensor");
    }
  }
}
